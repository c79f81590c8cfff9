package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * @param changes for UPDATED, what differed: {@code image}, {@code healthCheckPath}, {@code
 *     secrets}, {@code environment} or env key names; never values
 */
public record ServiceRef(
    String serviceArn, String serviceName, String cluster, Outcome outcome, List<String> changes) {}
