package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * A gateway target of type mcpServer on the Runtime's MCP URL, with OAuth client-credentials
 * outbound auth (spec §3 step 10 "Target").
 *
 * @param scopes explicit scopes ({@code <identifier>/<scope>}): without one the Runtime rejects the token
 * @param clientToken one per deploy run
 */
public record GatewayTargetSpec(
    Scope scope,
    String gatewayId,
    String targetName,
    String endpoint,
    String oauthProviderArn,
    List<String> scopes,
    String clientToken) {
  public GatewayTargetSpec {
    scopes = List.copyOf(scopes);
  }
}
