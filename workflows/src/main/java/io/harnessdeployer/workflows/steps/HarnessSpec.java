package io.harnessdeployer.workflows.steps;

/**
 * CreateHarness input (spec §4.1–4.3); model settings and system prompt come from {@code Names}.
 * The tool is either {@code remote_mcp} ({@code mcpUrl} and {@code providerArn}, ecs topology) or
 * {@code agentcore_gateway} ({@code gateway}, gateway topology).
 *
 * @param mcpUrl {@code https://<fqdn>/mcp}, no trailing slash; null with a gateway tool
 * @param providerArn the API-key provider ARN as AWS returned it; the tool's Authorization header is
 *     {@code ${<providerArn>}}; null with a gateway tool
 * @param clientToken one per deploy run, so a retried CreateHarness cannot create twice
 * @param gateway the {@code agentcore_gateway} tool; null for the {@code remote_mcp} one (and in
 *     histories from before the gateway topology)
 * @param config memory, limits, allowed tools, prompt; null (histories before them): none sent
 */
public record HarnessSpec(
    Scope scope,
    String harnessName,
    String executionRoleArn,
    String modelId,
    String mcpUrl,
    String providerArn,
    String clientToken,
    GatewayTool gateway,
    HarnessConfig config) {

  /** The ecs topology's harness: a {@code remote_mcp} tool, {@link HarnessConfig#defaults}. */
  public HarnessSpec(Scope scope, String harnessName, String executionRoleArn, String modelId, String mcpUrl,
      String providerArn, String clientToken) {
    this(scope, harnessName, executionRoleArn, modelId, mcpUrl, providerArn, clientToken, null,
        HarnessConfig.defaults());
  }

  /** The gateway topology's harness: an {@code agentcore_gateway} tool. */
  public static HarnessSpec withGateway(Scope scope, String harnessName, String executionRoleArn, String modelId,
      GatewayTool gateway, String clientToken) {
    return new HarnessSpec(scope, harnessName, executionRoleArn, modelId, null, null, clientToken,
        java.util.Objects.requireNonNull(gateway, "gateway"), HarnessConfig.defaults());
  }

  /** The same harness with {@code config} (null: none of it sent). */
  public HarnessSpec withConfig(HarnessConfig v) {
    return new HarnessSpec(scope, harnessName, executionRoleArn, modelId, mcpUrl, providerArn, clientToken, gateway, v);
  }

  public boolean gatewayTool() {
    return gateway != null;
  }
}
