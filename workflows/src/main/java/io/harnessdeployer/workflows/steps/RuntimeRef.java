package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * @param mcpUrl {@code Names.runtimeMcpUrl(runtimeArn)}: the target's endpoint
 * @param changes what an update changed ({@code image}, {@code roleArn}, {@code authorizer},
 *     {@code environment.<KEY>} …); key names only, never values; empty when none
 */
public record RuntimeRef(
    String runtimeId, String runtimeArn, String runtimeName, String mcpUrl, Outcome outcome, List<String> changes) {}
