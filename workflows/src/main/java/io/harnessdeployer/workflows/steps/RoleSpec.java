package io.harnessdeployer.workflows.steps;

/** A role whose policies need nothing but its name and the region (the ECS infrastructure role). */
public record RoleSpec(Scope scope, String roleName) {}
