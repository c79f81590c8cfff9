package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * The harness's {@code agentcore_gateway} tool (spec §4.3).
 *
 * @param scopes sent as given; the spec sends none ({@code []}, Appendix B #23)
 */
public record GatewayTool(String gatewayArn, String oauthProviderArn, List<String> scopes) {
  public GatewayTool {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }
}
