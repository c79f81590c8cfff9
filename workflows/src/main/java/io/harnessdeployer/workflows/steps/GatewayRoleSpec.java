package io.harnessdeployer.workflows.steps;

/** The Gateway service role (spec §5.5): may invoke this Runtime, tagged {@link Scope#gatewayTags()}. */
public record GatewayRoleSpec(Scope scope, String roleName, String runtimeArn) {}
