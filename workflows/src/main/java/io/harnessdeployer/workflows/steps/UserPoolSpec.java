package io.harnessdeployer.workflows.steps;

/** A Cognito user pool found by name (spec §3 step 6.1), tagged with {@link Scope#gatewayTags()}. */
public record UserPoolSpec(Scope scope, String poolName) {}
