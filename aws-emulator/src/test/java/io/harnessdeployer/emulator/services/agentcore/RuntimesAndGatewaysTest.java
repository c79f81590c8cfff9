package io.harnessdeployer.emulator.services.agentcore;

import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.fails;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.list;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runtimes, Gateways and targets: lifecycles on the latency profile, not found, conflicts, idempotency. */
class RuntimesAndGatewaysTest {
  static final String DISCOVERY = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI/.well-known/openid-configuration";
  static final Map<String, Object> JWT = Map.of("customJWTAuthorizer",
      Map.of("discoveryUrl", DISCOVERY, "allowedClients", List.of("client"), "allowedScopes", List.of("zscaler-mcp/invoke")));
  final AgentCoreFixture aws = new AgentCoreFixture().withRole(AgentCoreFixture.ROLE);

  Map<String, Object> createRuntime(String name) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("agentRuntimeName", name);
    in.put("agentRuntimeArtifact", Map.of("containerConfiguration", Map.of("containerUri", "1.dkr.ecr.us-east-1.amazonaws.com/z:1")));
    in.put("roleArn", AgentCoreFixture.ROLE);
    in.put("protocolConfiguration", Map.of("serverProtocol", "MCP"));
    in.put("environmentVariables", Map.of("ZSCALER_CLIENT_ID", "id", "ZSCALER_CLIENT_SECRET", "s"));
    return aws.control("CreateAgentRuntime", in);
  }

  Map<String, Object> createGateway(String name, String token) {
    Map<String, Object> in = new LinkedHashMap<>(Map.of("name", name, "roleArn", AgentCoreFixture.ROLE, "protocolType", "MCP",
        "authorizerType", "CUSTOM_JWT", "authorizerConfiguration", JWT, "tags", Map.of("managed-by", "zscaler-mcp-harness")));
    if (token != null) in.put("clientToken", token);
    return aws.control("CreateGateway", in);
  }

  Map<String, Object> createTarget(String gatewayId, String name, String endpoint) {
    return aws.control("CreateGatewayTarget", Map.of("gatewayIdentifier", gatewayId, "name", name,
        "targetConfiguration", Map.of("mcp", Map.of("mcpServer", Map.of("endpoint", endpoint)))));
  }

  String status(String op, Map<String, Object> in) {
    return (String) aws.control(op, in).get("status");
  }

  @Test
  void runtime_createsReadyAfterItsDelay_updatesAsANewVersion_deletesAfterItsDelay() {
    Map<String, Object> created = createRuntime("zscaler_mcp_runtime");
    String id = (String) created.get("agentRuntimeId");
    assertEquals("CREATING", created.get("status"));
    assertTrue(id.matches("zscaler_mcp_runtime-[A-Za-z0-9]{10}"), id);
    assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + id, created.get("agentRuntimeArn"));
    fails("ConflictException", () -> createRuntime("zscaler_mcp_runtime"));
    fails("ConflictException", () -> aws.control("DeleteAgentRuntime", Map.of("agentRuntimeId", id)));
    aws.clock.advance(AgentCoreFixture.RUNTIME.minusMillis(1));
    assertEquals("CREATING", status("GetAgentRuntime", Map.of("agentRuntimeId", id)));
    aws.clock.advance(Duration.ofMillis(1));
    Map<String, Object> ready = aws.control("GetAgentRuntime", Map.of("agentRuntimeId", id));
    assertEquals("READY", ready.get("status"));
    assertEquals(Map.of("networkMode", "PUBLIC"), ready.get("networkConfiguration"));

    Map<String, Object> update = new LinkedHashMap<>(Map.of("agentRuntimeId", id, "roleArn", AgentCoreFixture.ROLE,
        "agentRuntimeArtifact", Map.of("containerConfiguration", Map.of("containerUri", "1.dkr.ecr.us-east-1.amazonaws.com/z:2"))));
    Map<String, Object> updated = aws.control("UpdateAgentRuntime", update);
    assertEquals(List.of("UPDATING", "2"), List.of(updated.get("status"), updated.get("agentRuntimeVersion")));
    fails("ConflictException", () -> aws.control("UpdateAgentRuntime", update));
    aws.clock.advance(AgentCoreFixture.RUNTIME);
    assertEquals("READY", status("GetAgentRuntime", Map.of("agentRuntimeId", id)));
    assertEquals("1.dkr.ecr.us-east-1.amazonaws.com/z:1", map(map(aws.control("GetAgentRuntime",
        Map.of("agentRuntimeId", id, "agentRuntimeVersion", "1")).get("agentRuntimeArtifact")).get("containerConfiguration")).get("containerUri"));
    assertEquals("zscaler_mcp_runtime", map(list(aws.control("ListAgentRuntimes", Map.of()).get("agentRuntimes")).get(0)).get("agentRuntimeName"));

    assertEquals("DELETING", status("DeleteAgentRuntime", Map.of("agentRuntimeId", id)));
    assertEquals("DELETING", status("DeleteAgentRuntime", Map.of("agentRuntimeId", id)));
    aws.clock.advance(AgentCoreFixture.GONE);
    fails("ResourceNotFoundException", () -> aws.control("GetAgentRuntime", Map.of("agentRuntimeId", id)));
    assertEquals(List.of(), aws.control("ListAgentRuntimes", Map.of()).get("agentRuntimes"));
  }

  @Test
  void runtime_roleMustHavePropagated_andOneDeletedMeanwhileFailsTheCreate() {
    aws.roles.put("arn:aws:iam::123456789012:role/fresh", aws.clock.instant());
    Map<String, Object> in = new LinkedHashMap<>(Map.of("agentRuntimeName", "r1", "roleArn", "arn:aws:iam::123456789012:role/fresh",
        "agentRuntimeArtifact", Map.of("containerConfiguration", Map.of("containerUri", "u"))));
    fails("ValidationException", () -> aws.control("CreateAgentRuntime", in));
    aws.clock.advance(AgentCoreFixture.PROPAGATION);
    String id = (String) aws.control("CreateAgentRuntime", in).get("agentRuntimeId");
    aws.roles.remove("arn:aws:iam::123456789012:role/fresh");
    aws.clock.advance(AgentCoreFixture.RUNTIME);
    Map<String, Object> failed = aws.control("GetAgentRuntime", Map.of("agentRuntimeId", id));
    assertEquals("CREATE_FAILED", failed.get("status"));
    assertTrue(failed.get("failureReason").toString().contains("Role validation failed"));
    fails("ResourceNotFoundException", () -> aws.control("GetAgentRuntime", Map.of("agentRuntimeId", "missing-0123456789")));
  }

  @Test
  void gateway_lifecycle_nameConflict_clientTokenReplay_andTags() {
    Map<String, Object> created = createGateway("zscaler-mcp-gateway", "token-1");
    String id = (String) created.get("gatewayId");
    String arn = (String) created.get("gatewayArn");
    assertEquals("CREATING", created.get("status"));
    assertEquals("https://" + id + ".gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp", created.get("gatewayUrl"));
    assertEquals(id, createGateway("zscaler-mcp-gateway", "token-1").get("gatewayId"), "same token, same request: replay");
    fails("ConflictException", () -> createGateway("zscaler-mcp-gateway", "token-2"));
    fails("ValidationException", () -> aws.control("CreateGateway", Map.of("name", "g2", "roleArn", AgentCoreFixture.ROLE,
        "authorizerType", "CUSTOM_JWT")));
    assertEquals(Map.of("managed-by", "zscaler-mcp-harness"), aws.control("ListTagsForResource", Map.of("resourceArn", arn)).get("tags"));
    fails("ConflictException", () -> createTarget(id, "t", "https://example.com/mcp"));
    aws.clock.advance(AgentCoreFixture.GATEWAY);
    assertEquals("READY", status("GetGateway", Map.of("gatewayIdentifier", id)));
    assertEquals("zscaler-mcp-gateway", map(list(aws.control("ListGateways", Map.of("maxResults", 100)).get("items")).get(0)).get("name"));

    Map<String, Object> update = new LinkedHashMap<>(Map.of("gatewayIdentifier", id, "name", "zscaler-mcp-gateway",
        "roleArn", AgentCoreFixture.ROLE, "protocolType", "MCP", "authorizerType", "CUSTOM_JWT", "authorizerConfiguration",
        Map.of("customJWTAuthorizer", Map.of("discoveryUrl", DISCOVERY, "allowedClients", List.of("other"))), "description", "updated"));
    assertEquals("UPDATING", aws.control("UpdateGateway", update).get("status"));
    fails("ConflictException", () -> aws.control("UpdateGateway", update));
    aws.clock.advance(AgentCoreFixture.GATEWAY);
    Map<String, Object> got = aws.control("GetGateway", Map.of("gatewayIdentifier", id));
    assertEquals("READY", got.get("status"));
    assertEquals(List.of("other"), map(map(got.get("authorizerConfiguration")).get("customJWTAuthorizer")).get("allowedClients"));

    assertEquals("DELETING", status("DeleteGateway", Map.of("gatewayIdentifier", id)));
    aws.clock.advance(AgentCoreFixture.GONE);
    fails("ResourceNotFoundException", () -> aws.control("GetGateway", Map.of("gatewayIdentifier", id)));
    fails("ResourceNotFoundException", () -> aws.control("ListTagsForResource", Map.of("resourceArn", arn)));
  }

  @Test
  void target_readyOnlyWhenItsRuntimeAnswers_andItBlocksTheGatewaysDeletionUntilGone() {
    String gatewayId = (String) createGateway("g", null).get("gatewayId");
    aws.clock.advance(AgentCoreFixture.GATEWAY);
    Map<String, Object> runtime = createRuntime("zscaler_mcp_runtime");
    String url = "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/"
        + URLEncoder.encode((String) runtime.get("agentRuntimeArn"), StandardCharsets.UTF_8) + "/invocations?qualifier=DEFAULT";
    // The runtime is still CREATING when the early target's check runs, and elsewhere is not ours.
    String early = (String) createTarget(gatewayId, "early", url).get("targetId");
    String outside = (String) createTarget(gatewayId, "outside", "https://mcp.example.com/mcp").get("targetId");
    fails("ConflictException", () -> createTarget(gatewayId, "early", url));
    aws.clock.advance(AgentCoreFixture.TARGET);
    Map<String, Object> earlyTarget = aws.control("GetGatewayTarget", Map.of("gatewayIdentifier", gatewayId, "targetId", early));
    assertEquals("FAILED", earlyTarget.get("status"));
    assertTrue(list(earlyTarget.get("statusReasons")).get(0).toString().contains("is CREATING"), earlyTarget.toString());
    assertEquals("FAILED", status("GetGatewayTarget", Map.of("gatewayIdentifier", gatewayId, "targetId", outside)));
    aws.clock.advance(AgentCoreFixture.RUNTIME.minus(AgentCoreFixture.TARGET));
    String late = (String) createTarget(gatewayId, "late", url).get("targetId");
    aws.clock.advance(AgentCoreFixture.TARGET);
    Map<String, Object> lateTarget = aws.control("GetGatewayTarget", Map.of("gatewayIdentifier", gatewayId, "targetId", late));
    assertEquals("READY", lateTarget.get("status"), lateTarget.toString());
    assertEquals(3, list(aws.control("ListGatewayTargets", Map.of("gatewayIdentifier", gatewayId)).get("items")).size());

    for (String t : List.of(early, outside, late)) {
      assertEquals("DELETING", status("DeleteGatewayTarget", Map.of("gatewayIdentifier", gatewayId, "targetId", t)));
    }
    fails("ConflictException", () -> aws.control("DeleteGateway", Map.of("gatewayIdentifier", gatewayId)));
    aws.clock.advance(AgentCoreFixture.GONE);
    fails("ResourceNotFoundException", () -> aws.control("GetGatewayTarget", Map.of("gatewayIdentifier", gatewayId, "targetId", late)));
    assertEquals("DELETING", status("DeleteGateway", Map.of("gatewayIdentifier", gatewayId)));
    fails("ResourceNotFoundException", () -> aws.control("ListGatewayTargets", Map.of("gatewayIdentifier", "nope-0123456789")));
  }
}
