package io.harnessdeployer.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.Main;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's invoke and logs against the local stack (test server, emulator, worker in this JVM)
 * after one real ecs deploy: the answer streamed through the deployed server's /mcp, a runtime
 * error injected into the stream, both log sources, and a follow stopped by SIGINT.
 */
class InvokeLogsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUESTION = "list my zpa segment groups";
  @TempDir static Path dir;
  static LocalStack stack;
  static EmulatorControl aws;
  static Map<String, String> env;

  @BeforeAll
  static void deploy() {
    stack = LocalStack.builder().temporalPort(0).awsPort(0).worker(E2e.sealKey())
        .discovery(new LocalStackFile(dir.resolve("state"))).start();
    aws = new EmulatorControl(stack.awsEndpoint());
    env = E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString());
    CliRun deployed = cli("deploy", "--name", "talk", "--yes");
    assertEquals(ExitCodes.OK, deployed.exitCode(), deployed.toString());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static CliRun cli(String... args) {
    return CliRun.run(CliRun.live(dir, env), args);
  }

  private static List<JsonNode> jsonLines(String out) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.lines().toList()) lines.add(JSON.readTree(l));
    return lines;
  }

  private static void assertNoSecret(CliRun run) {
    assertFalse((run.out() + run.err()).contains(E2e.CLIENT_SECRET), run.toString());
    assertFalse((run.out() + run.err()).contains(E2e.BASIC), run.toString());
  }

  @Test
  void invoke_streamsTheToolUseAndTheAnswer_thenTheStopReasonAndUsage() throws Exception {
    CliRun text = cli("invoke", QUESTION, "--name", "talk");
    assertEquals(ExitCodes.OK, text.exitCode(), text.toString());
    assertTrue(text.out().startsWith("[tool use] zpa_list_segment_groups\n[tool result] success\nYou asked: \"" + QUESTION + "\"."), text.out());
    assertTrue(text.out().contains("I called zpa_list_segment_groups; it answered"), text.out());
    assertTrue(text.out().contains("\nStop reason: end_turn\n"), text.out());
    assertTrue(text.out().matches("(?s).*\nUsage: [1-9]\\d* input tokens, [1-9]\\d* output tokens, [1-9]\\d* total "
        + "\\(latency \\d+ ms\\)\n"), text.out());
    assertTrue(text.err().contains("[INFO] invoking harness " + E2e.names("talk").harness() + "-"), text.err());
    assertNoSecret(text);

    CliRun json = cli("invoke", QUESTION, "--name", "talk", "--output", "json", "--session-id", "e2e-session-" + "0".repeat(30));
    assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
    List<JsonNode> events = jsonLines(json.out());
    long deltas = events.stream().filter(e -> e.path("event").asText().equals("textDelta")).count();
    assertTrue(deltas >= 2, "at least two deltas: " + json.out());
    JsonNode use = events.stream().filter(e -> e.path("event").asText().equals("toolUse")).findFirst().orElseThrow();
    assertEquals("zpa_list_segment_groups", use.path("name").asText());
    JsonNode result = events.stream().filter(e -> e.path("event").asText().equals("toolResult")).findFirst().orElseThrow();
    assertEquals(use.path("toolUseId").asText(), result.path("toolUseId").asText());
    assertEquals("success", result.path("status").asText());
    assertTrue(events.indexOf(use) < events.indexOf(result), json.out());
    JsonNode stop = events.get(events.size() - 2);
    assertEquals("messageStop", stop.path("event").asText(), json.out());
    assertEquals("end_turn", stop.path("stopReason").asText());
    JsonNode usage = events.get(events.size() - 1);
    assertEquals("metadata", usage.path("event").asText());
    assertEquals(usage.path("inputTokens").asInt() + usage.path("outputTokens").asInt(), usage.path("totalTokens").asInt());
    assertNoSecret(json);
  }

  @Test
  void invoke_withARuntimeErrorInjectedIntoTheStream_exits1WithItsMessage() throws Exception {
    String message = "The MCP server answered 502 Bad Gateway";
    aws.fault("{\"service\":\"bedrock-agentcore\",\"operation\":\"InvokeHarness\",\"errorCode\":\"runtimeClientError\","
        + "\"message\":\"" + message + "\",\"inStream\":true,\"afterEvents\":3,\"count\":2}");

    CliRun text = cli("invoke", QUESTION, "--name", "talk");
    assertEquals(ExitCodes.FAILED, text.exitCode(), text.toString());
    assertTrue(text.err().contains("error: InvokeHarness failed: RuntimeClientError (HTTP 424): " + message), text.err());
    assertTrue(text.out().startsWith("[tool use] zpa_list_segment_groups\n"), "what came before the error: " + text.out());
    assertFalse(text.out().contains("Stop reason"), text.out());

    CliRun json = cli("invoke", QUESTION, "--name", "talk", "--output", "json");
    assertEquals(ExitCodes.FAILED, json.exitCode(), json.toString());
    List<JsonNode> events = jsonLines(json.out());
    // the fault keeps the stream's first 3 events: messageStart, the tool use, its input (not shown)
    assertEquals(List.of("messageStart", "toolUse", "error"), events.stream().map(e -> e.path("event").asText()).toList());
    assertEquals("RuntimeClientError", events.get(2).path("code").asText());
    assertTrue(events.get(2).path("message").asText().contains(message), json.out());
  }

  @Test
  void logsSince1h_showsTheHarnessAndTheServiceEvents() throws Exception {
    assertEquals(ExitCodes.OK, cli("invoke", "hello", "--name", "talk").exitCode()); // the harness group appears

    CliRun text = cli("logs", "--since", "1h", "--name", "talk");
    assertEquals(ExitCodes.OK, text.exitCode(), text.toString());
    List<String> lines = text.out().lines().toList();
    String stamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z ";
    assertTrue(lines.stream().allMatch(l -> l.matches(stamp + "(harness |service ).*")), text.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches(stamp + "harness invocation started: session harness-smoke-.*")), text.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches(stamp + "service INFO: .*\"GET /health HTTP/1.1\" 200")), text.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches(stamp + "service INFO: .*\"POST /mcp HTTP/1.1\" 200")),
        "the harness's calls reached the deployed server: " + text.out());

    CliRun json = cli("logs", "--since", "1h", "--name", "talk", "--output", "json", "--source", "service");
    assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
    List<JsonNode> events = jsonLines(json.out());
    assertFalse(events.isEmpty());
    for (JsonNode e : events) {
      assertEquals("service", e.path("source").asText(), json.out());
      assertEquals(E2e.names("talk").logGroup(), e.path("logGroup").asText());
      assertTrue(e.path("logStream").asText().startsWith("mcp/main/"), json.out());
      assertTrue(e.path("timestamp").asText().endsWith("Z"), json.out());
    }
  }

  @Test
  void logsFollow_picksUpAnEventWrittenAfterItStarted_andEndsOnSigintWithin2s() throws Exception {
    try (ChildJava follow = ChildJava.start(dir, "follow", env, Main.class.getName(),
        "logs", "--follow", "--since", "1s", "--name", "talk", "--source", "harness")) {
      assertTrue(E2e.await(Duration.ofSeconds(30), () -> follow.err().contains("[INFO] following")), follow.toString());
      String session = "follow-session-" + System.nanoTime() + "-" + "x".repeat(20);
      assertEquals(ExitCodes.OK, cli("invoke", "hello", "--name", "talk", "--session-id", session).exitCode());
      assertTrue(E2e.await(Duration.ofSeconds(20), () -> follow.out().contains("invocation started: session " + session)),
          follow.toString());

      long signalled = System.nanoTime();
      assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(follow.pid())).start().waitFor());
      int code = follow.waitFor(Duration.ofSeconds(10));
      long tookMs = (System.nanoTime() - signalled) / 1_000_000;
      System.out.printf("logs --follow: exited %d ms after SIGINT%n", tookMs);
      assertTrue(tookMs < 2000, "ended " + tookMs + " ms after SIGINT");
      assertEquals(130, code, follow.toString());
      assertTrue(follow.err().contains("Stopped tailing."), follow.toString());
      assertEquals(1, follow.out().split("invocation started: session " + session, -1).length - 1, "once: " + follow.out());
    }
  }
}
