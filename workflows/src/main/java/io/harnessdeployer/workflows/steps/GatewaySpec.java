package io.harnessdeployer.workflows.steps;

/**
 * The AgentCore Gateway (spec §3 step 10): protocol MCP, authorizer CUSTOM_JWT.
 *
 * @param clientToken one per deploy run, so a retried CreateGateway cannot create twice
 */
public record GatewaySpec(Scope scope, String gatewayName, String roleArn, JwtAuthorizer authorizer,
    String clientToken) {}
