package io.harnessdeployer.emulator.services.agentcore;

import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.CREATE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.ROLE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.fails;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.list;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.error.AwsServiceError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeHarnessTest {
  private static final String SESSION = "harness-smoke-0123456789abcdef0123456789abcdef";
  private static final String QUESTION = "list my zpa segment groups";
  private final AgentCoreFixture f = new AgentCoreFixture().withRole(ROLE);

  private String providerArn() {
    return (String) f.control("CreateApiKeyCredentialProvider", Map.of("name", "zscaler-mcp-creds", "apiKey", "Basic eHl6"))
        .get("credentialProviderArn");
  }

  /** A READY harness with one remote MCP tool at {@code url}, its Authorization taken from {@code provider}. */
  private String readyHarness(String url, String provider) {
    Map<String, Object> remote = new LinkedHashMap<>();
    remote.put("url", url);
    remote.put("headers", Map.of("Authorization", "${" + provider + "}"));
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("harnessName", "zscaler_mcp_harness");
    in.put("executionRoleArn", ROLE);
    in.put("systemPrompt", List.of(Map.of("text", "You are a Zscaler assistant.")));
    in.put("tools", List.of(Map.of("type", "remote_mcp", "name", "zscaler", "config", Map.of("remoteMcp", remote))));
    String arn = (String) map(f.control("CreateHarness", in).get("harness")).get("arn");
    f.clock.advance(CREATE);
    return arn;
  }

  private List<Object> invoke(String harnessArn) {
    return list(f.data("InvokeHarness", Map.of("harnessArn", harnessArn, "runtimeSessionId", SESSION,
        "messages", List.of(Map.of("role", "user", "content", List.of(Map.of("text", QUESTION)))))).get("stream"));
  }

  private static String text(List<Object> events) {
    StringBuilder sb = new StringBuilder();
    for (Object e : events) {
      Map<String, Object> delta = map(map(e).get("contentBlockDelta"));
      if (delta != null) sb.append(map(delta.get("delta")).get("text"));
    }
    return sb.toString();
  }

  private static List<String> types(List<Object> events) {
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(map(e).keySet().iterator().next()));
    return types;
  }

  @Test
  void invoke_callsTheHostedMcpTool_thenStreamsAnAssistantTurn_aboutTheUsersMessage() {
    f.servedHosts.put("zscaler-mcp.ecs.us-east-1.on.aws", true);
    List<Object> events = invoke(readyHarness("https://zscaler-mcp.ecs.us-east-1.on.aws/mcp", providerArn()));

    List<String> types = types(events);
    assertEquals(List.of("messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop",
        "messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop", "messageStart"),
        types.subList(0, 11));
    Map<String, Object> use = map(map(map(map(events.get(1)).get("contentBlockStart")).get("start")).get("toolUse"));
    assertEquals("zpa_list_segment_groups", use.get("name"), "the listed tool closest to the question");
    assertEquals("zscaler", use.get("serverName"));
    assertEquals("mcp_tool_use", use.get("type"));
    assertEquals(Map.of("stopReason", "tool_use"), map(events.get(4)).get("messageStop"));
    Map<String, Object> result = map(map(map(events.get(6)).get("contentBlockStart")).get("start"));
    assertEquals(Map.of("toolUseId", use.get("toolUseId"), "status", "success"), result.get("toolResult"));
    String resultText = (String) map(list(map(map(map(events.get(7)).get("contentBlockDelta")).get("delta"))
        .get("toolResult")).get(0)).get("text");
    assertTrue(resultText.contains("Emulated segment group"), resultText);
    assertEquals(Map.of("stopReason", "tool_result"), map(events.get(9)).get("messageStop"));

    assertEquals(Map.of("role", "assistant"), map(events.get(10)).get("messageStart"));
    assertEquals(List.of("contentBlockStop", "messageStop", "metadata"), types.subList(types.size() - 3, types.size()));
    assertTrue(types.subList(11, types.size() - 3).stream().allMatch("contentBlockDelta"::equals));
    assertTrue(types.size() - 14 > 3, "several deltas: " + types);
    assertEquals(Map.of("stopReason", "end_turn"), map(events.get(events.size() - 2)).get("messageStop"));

    String text = text(events.subList(11, events.size()));
    assertTrue(text.contains(QUESTION), text);
    assertTrue(text.contains("zscaler tool at zscaler-mcp.ecs.us-east-1.on.aws is reachable. I called zpa_list_segment_groups;"), text);
    Map<String, Object> metadata = map(map(events.get(events.size() - 1)).get("metadata"));
    Map<String, Object> usage = map(metadata.get("usage"));
    assertEquals(text.strip().split("\\s+").length, usage.get("outputTokens"));
    assertEquals((int) usage.get("inputTokens") + (int) usage.get("outputTokens"), usage.get("totalTokens"));
    assertTrue(map(metadata.get("metrics")).get("latencyMs") instanceof Long);
  }

  @Test
  void invoke_writesTheTurnIntoTheHarnessRuntimeLogGroup() {
    f.servedHosts.put("zscaler-mcp.ecs.us-east-1.on.aws", true);
    String arn = readyHarness("https://zscaler-mcp.ecs.us-east-1.on.aws/mcp", providerArn());
    invoke(arn);

    String group = "/aws/bedrock-agentcore/runtimes/" + arn.substring(arn.indexOf('/') + 1) + "-DEFAULT";
    String stream = "2026/03/01/[runtime-logs]" + SESSION;
    assertEquals(List.of(group + "|" + stream + "|invocation started: session " + SESSION,
        group + "|" + stream + "|tool call zpa_list_segment_groups on zscaler: ok"), f.logLines.subList(0, 2));
    assertTrue(f.logLines.get(2).startsWith(group + "|" + stream + "|turn ended: end_turn, "), f.logLines.toString());
    assertFalse(String.join("\n", f.logLines).contains(QUESTION), "the user's words stay out of the logs");
  }

  @Test
  void invoke_whenTheHostedServerFails_saysTheToolWasUnavailable_withoutAToolUse() {
    f.servedHosts.put("zscaler-mcp.ecs.us-east-1.on.aws", true);
    f.hostAnswer = new io.harnessdeployer.emulator.runtime.EndpointHost.Response(503, Map.of(), new byte[0]);
    List<Object> events = invoke(readyHarness("https://zscaler-mcp.ecs.us-east-1.on.aws/mcp", providerArn()));

    assertFalse(types(events).contains("contentBlockStart"), types(events).toString());
    assertTrue(text(events).contains("zscaler tool was unavailable: zscaler-mcp.ecs.us-east-1.on.aws answered HTTP 503"),
        text(events));
  }

  @Test
  void invoke_isDeterministic() {
    String arn = readyHarness("https://mcp.example.com/mcp", providerArn());
    assertEquals(invoke(arn), invoke(arn));
  }

  @Test
  void invoke_whenTheToolHostIsOutsideTheEmulator_saysTheToolWasUnavailable() {
    String text = text(invoke(readyHarness("https://mcp.unreachable.example/mcp", providerArn())));

    assertTrue(text.contains(QUESTION), text);
    assertTrue(text.contains("zscaler tool was unavailable: mcp.unreachable.example could not be reached"), text);
  }

  @Test
  void invoke_whenTheToolsCredentialProviderIsGone_saysTheToolWasUnavailable() {
    f.servedHosts.put("mcp.local", true);
    String provider = providerArn();
    String arn = readyHarness("https://mcp.local/mcp", provider);
    f.control("DeleteApiKeyCredentialProvider", Map.of("name", "zscaler-mcp-creds"));

    String text = text(invoke(arn));
    assertTrue(text.contains("credential provider " + provider + " was not found"), text);
    assertFalse(text.contains("Basic eHl6"));
  }

  @Test
  void invoke_beforeTheHarnessIsReady_isRejected() {
    Map<String, Object> in = Map.of("harnessName", "h", "executionRoleArn", ROLE);
    String arn = (String) map(f.control("CreateHarness", in).get("harness")).get("arn");

    AwsServiceError e = fails("ValidationException", () -> invoke(arn));
    assertEquals("ResourceConflict", e.fields().get("reason"));
  }

  @Test
  void invoke_unknownHarness_isResourceNotFound() {
    fails("ResourceNotFoundException", () -> invoke("arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/h-0123456789"));
  }

  @Test
  void invoke_withAShortSessionId_isRejected() {
    String arn = readyHarness("https://mcp.example.com/mcp", providerArn());
    fails("ValidationException", () -> f.data("InvokeHarness", Map.of("harnessArn", arn, "runtimeSessionId", "short",
        "messages", List.of(Map.of("role", "user", "content", List.of(Map.of("text", "hi")))))));
  }

  @Test
  void invoke_whoseLastMessageIsNotFromTheUser_isRejected() {
    String arn = readyHarness("https://mcp.example.com/mcp", providerArn());
    fails("ValidationException", () -> f.data("InvokeHarness", Map.of("harnessArn", arn, "runtimeSessionId", SESSION,
        "messages", List.of(Map.of("role", "assistant", "content", List.of(Map.of("text", "hi")))))));
  }
}
