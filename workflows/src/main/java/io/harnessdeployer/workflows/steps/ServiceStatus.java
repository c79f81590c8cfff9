package io.harnessdeployer.workflows.steps;

/**
 * @param status ACTIVE, DRAINING, INACTIVE, or GONE (not found)
 * @param endpoint the bare host of the PUBLIC ingress path ({@code zs-….ecs.<region>.on.aws}), or
 *     null when none
 */
public record ServiceStatus(String serviceArn, String status, String endpoint) {}
