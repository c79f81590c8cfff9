package io.harnessdeployer.workflows.steps;

/**
 * The Runtime execution role (spec §5.4), tagged {@link Scope#gatewayTags()}.
 *
 * @param account for the log-group ARN
 * @param secretArn the exact ARN {@code SecretsManagerGet} is scoped to; null (plaintext): no such statement
 */
public record RuntimeRoleSpec(Scope scope, String roleName, String account, String secretArn) {}
