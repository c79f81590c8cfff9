package io.harnessdeployer.workflows.steps;

/**
 * @param imageUri decides {@code CrossAccountEcrPull} (present for any private ECR URI, spec §5.2)
 * @param secretArn scopes {@code ReadZscalerSecrets}; null removes that policy from a reused role
 */
public record TaskExecutionRoleSpec(Scope scope, String roleName, String imageUri, String secretArn) {}
