package io.harnessdeployer.workflows.steps;

/**
 * Result of an {@code ensureX} for a resource known by name (role, cluster, log group, credential
 * provider).
 *
 * @param name the resource's name (the resolved one, for a cluster)
 * @param arn its ARN as AWS returned it
 */
public record ResourceRef(String name, String arn, Outcome outcome) {}
