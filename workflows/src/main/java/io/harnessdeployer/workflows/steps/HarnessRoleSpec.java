package io.harnessdeployer.workflows.steps;

/**
 * @param account caller account, for the ARNs of {@code HarnessInlinePolicy} (spec §4.6)
 * @param harnessName scopes the workload-identity ARNs ({@code harness_<name>-*})
 */
public record HarnessRoleSpec(Scope scope, String roleName, String account, String harnessName) {}
