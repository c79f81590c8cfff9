package io.harnessdeployer.workflows.steps;

/**
 * @param secretId name or ARN
 * @param forceWithoutRecovery true: ForceDeleteWithoutRecovery; false: the 7-day recovery window
 */
public record SecretDelete(
    Scope scope, DeleteMode mode, String secretId, boolean forceWithoutRecovery) {}
