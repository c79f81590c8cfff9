package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * @param changes what differed and was rolled out (empty: no rollout started): {@code image},
 *     {@code healthCheckPath}, {@code secrets}, or env key names; never values. Non-empty also for
 *     a CREATED service that a retry of this run had to update.
 */
public record ServiceRef(
    String serviceArn, String serviceName, String cluster, Outcome outcome, List<String> changes) {}
