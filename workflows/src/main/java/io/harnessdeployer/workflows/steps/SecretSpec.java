package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.secrets.Sealed;

/**
 * @param mode {@link SecretMode#MANAGED} or {@link SecretMode#BRING_YOUR_OWN}
 * @param secretId the managed secret's name, or the operator's secret name or ARN
 * @param credentials the sealed credential JSON (see {@code DeployRequest#credentials}); used only
 *     to create, restore or rotate a managed secret; may be null for bring-your-own
 */
public record SecretSpec(Scope scope, SecretMode mode, String secretId, Sealed credentials) {}
