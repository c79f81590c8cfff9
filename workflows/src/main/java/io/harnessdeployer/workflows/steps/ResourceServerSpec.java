package io.harnessdeployer.workflows.steps;

/**
 * A resource server in the pool (spec §3 step 6.2): name {@code Names.COGNITO_RESOURCE_SERVER_NAME},
 * one scope {@code scopeName}.
 *
 * @param identifier also the audience
 */
public record ResourceServerSpec(Scope scope, String userPoolId, String identifier, String scopeName) {}
