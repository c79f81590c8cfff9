package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreControlHandler;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreDataHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * The client against the emulator over real HTTP, with signatures verified. The emulator's clock
 * moves only when a poll step says so, so every status the test sees is deterministic.
 */
class HarnessHttpClientEmulatorTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/zscaler-mcp-harness-execution-role";
  private static final String MCP_HOST = "zscaler-mcp.ecs.us-east-1.on.aws";
  private static final String PROVIDER_ARN =
      "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/zscaler-mcp-creds";
  private static final StepClock CLOCK = new StepClock(Instant.parse("2026-03-01T10:00:00Z"));
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHARNESS", "harness-secret"));

  private static Emulator emulator;
  private static SdkHttpClient http;
  private static HarnessHttpClient client;
  private static AgentCoreControlHandler control;

  @BeforeAll
  static void start() {
    LatencyProfile latency = LatencyProfile.instant()
        .with("harness.create", Duration.ofSeconds(6))
        .with("harness.update", Duration.ofSeconds(4))
        .with("harness.delete", Duration.ofSeconds(3));
    EmulatorSettings settings =
        new EmulatorSettings("123456789012", "us-east-1", latency, CLOCK, true, "AKIDHARNESS", "harness-secret");
    CloudLookup iam = new CloudLookup() {
      @Override
      public Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
        return roleArn.equals(ROLE) ? Optional.of(Instant.parse("2026-01-01T00:00:00Z")) : Optional.empty();
      }

      @Override
      public Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
        return Optional.empty();
      }
    };
    control = new AgentCoreControlHandler(settings, iam);
    emulator = Emulator.builder().settings(settings).port(0)
        .handler(control)
        .handler(new AgentCoreDataHandler(control, MCP_HOST::equals))
        .build().start();
    http = ApacheHttpClient.create();
    client = new HarnessHttpClient(http, CREDENTIALS, Region.US_EAST_1, emulator.endpoint());
  }

  @AfterAll
  static void stop() {
    http.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    control.reset();
  }

  private static CreateHarnessRequest request(String name) {
    return new CreateHarnessRequest(name, ROLE, UUID.randomUUID().toString(),
        HarnessDocuments.bedrockModel("global.anthropic.claude-sonnet-4-5-20250929-v1:0", 8192, 0.2),
        List.of("You are a Zscaler assistant."),
        HarnessDocuments.tools(HarnessDocuments.remoteMcpTool("zscaler", "https://" + MCP_HOST + "/mcp",
            PROVIDER_ARN)),
        Map.of("managed-by", "zscaler-mcp-harness"));
  }

  /** Polls like the deploy activity, one emulated second per attempt; returns the statuses seen. */
  private static List<String> pollUntil(String harnessId, Predicate<Harness> done) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Harness h = client.getHarness(harnessId);
      seen.add(h.status());
      if (done.test(h)) return seen;
      CLOCK.advance(Duration.ofSeconds(1));
    }
    return fail("never done; saw " + seen);
  }

  @Test
  void createPollGetUpdateDelete() {
    Harness created = client.createHarness(request("zscaler_mcp_harness"));
    assertEquals("CREATING", created.status());
    assertTrue(created.harnessId().matches("zscaler_mcp_harness-[a-zA-Z0-9]{10}"), created.harnessId());
    assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/" + created.harnessId(), created.arn());

    List<String> seen = pollUntil(created.harnessId(), Harness::ready);
    assertEquals(List.of("CREATING", "CREATING", "CREATING", "CREATING", "CREATING", "CREATING", "READY"), seen);

    Harness got = client.getHarness(created.harnessId());
    assertEquals("1", got.harnessVersion());
    assertEquals(ROLE, got.executionRoleArn());
    assertEquals(8192, got.document().at("/model/bedrockModelConfig/maxTokens").asInt());
    assertEquals("${arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/zscaler-mcp-creds}",
        got.document().at("/tools/0/config/remoteMcp/headers/Authorization").asText());
    assertTrue(got.createdAt().equals(Instant.parse("2026-03-01T10:00:00Z")) || got.createdAt().isBefore(got.updatedAt()));

    Harness updated = client.updateHarness(new UpdateHarnessRequest(created.harnessId(), null, null, null,
        List.of("You are a careful Zscaler assistant."), null));
    assertEquals("UPDATING", updated.status());
    assertEquals("2", updated.harnessVersion());
    pollUntil(created.harnessId(), Harness::ready);
    assertEquals("You are a careful Zscaler assistant.",
        client.getHarness(created.harnessId()).document().at("/systemPrompt/0/text").asText());

    assertEquals("DELETING", client.deleteHarness(created.harnessId(), null).orElseThrow().status());
    HarnessApiException gone = assertThrows(HarnessApiException.class, () -> pollUntil(created.harnessId(), h -> false));
    assertEquals("ResourceNotFoundException", gone.code());
    assertEquals(404, gone.httpStatus());
    assertEquals(List.of(), client.listHarnesses(null, null).harnesses());
  }

  @Test
  void createWithADuplicateName_isConflict() {
    client.createHarness(request("dup_harness"));
    HarnessApiException e = assertThrows(HarnessApiException.class, () -> client.createHarness(request("dup_harness")));
    assertEquals("ConflictException", e.code());
    assertEquals(409, e.httpStatus());
  }

  @Test
  void createWithABadName_isValidationException() {
    HarnessApiException e = assertThrows(HarnessApiException.class, () -> client.createHarness(request("bad-name!")));
    assertEquals("ValidationException", e.code());
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("harnessName"), e.getMessage());
  }

  @Test
  void createRetriedWithTheSameClientToken_returnsTheSameHarness() {
    CreateHarnessRequest once = request("retried");
    assertEquals(client.createHarness(once).harnessId(), client.createHarness(once).harnessId());
  }

  @Test
  void listHarnesses_pages() {
    for (String n : List.of("h_one", "h_two", "h_three")) {
      client.createHarness(request(n));
      CLOCK.advance(Duration.ofSeconds(1));
    }
    HarnessPage first = client.listHarnesses(2, null);
    HarnessPage second = client.listHarnesses(2, first.nextToken());
    assertEquals(List.of("h_one", "h_two"), first.harnesses().stream().map(HarnessSummary::harnessName).toList());
    assertEquals(List.of("h_three"), second.harnesses().stream().map(HarnessSummary::harnessName).toList());
    assertEquals(null, second.nextToken());
  }

  /** The API-key provider the tool's Authorization header names, made through the real SDK client. */
  private static String createProvider() {
    try (BedrockAgentCoreControlClient sdk = BedrockAgentCoreControlClient.builder()
        .endpointOverride(emulator.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
        .httpClient(http).build()) {
      return sdk.createApiKeyCredentialProvider(r -> r.name("zscaler-mcp-creds").apiKey("Basic eHl6OmFiYw=="))
          .credentialProviderArn();
    }
  }

  private static List<HarnessEvent> invoke(Harness h, String message) {
    List<HarnessEvent> events = new ArrayList<>();
    client.invokeHarness(new InvokeHarnessRequest(h.arn(), "harness-smoke-" + UUID.randomUUID().toString().replace("-", ""),
        message), events::add);
    return events;
  }

  private static String text(List<HarnessEvent> events) {
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> e instanceof HarnessEvent.TextDelta).forEach(e -> text.append(((HarnessEvent.TextDelta) e).text()));
    return text.toString();
  }

  @Test
  void invoke_streamsTextDeltasStopReasonAndUsage() {
    String provider = createProvider();
    assertEquals(PROVIDER_ARN, provider);
    Harness h = client.createHarness(request("invoked"));
    pollUntil(h.harnessId(), Harness::ready);

    List<HarnessEvent> events = invoke(h, "list my zpa segment groups");

    assertTrue(events.stream().filter(e -> e instanceof HarnessEvent.TextDelta).count() > 1, "several deltas: " + events);
    String text = text(events);
    assertTrue(text.contains("list my zpa segment groups"), text);
    assertTrue(text.contains("The zscaler tool at " + MCP_HOST + " is reachable."), text);
    assertEquals(new HarnessEvent.MessageStart("assistant"), events.get(0));
    assertEquals(new HarnessEvent.MessageStop("end_turn"), events.get(events.size() - 2));
    HarnessEvent.Metadata metadata = (HarnessEvent.Metadata) events.get(events.size() - 1);
    assertTrue(metadata.inputTokens() > 0 && metadata.outputTokens() > 0, metadata.toString());
    assertEquals(metadata.inputTokens() + metadata.outputTokens(), metadata.totalTokens());
  }

  @Test
  void invoke_withATool_outsideTheEmulator_answersThatTheToolWasUnavailable() {
    createProvider();
    CreateHarnessRequest outside = new CreateHarnessRequest("outside", ROLE, null, null, List.of(),
        HarnessDocuments.tools(HarnessDocuments.remoteMcpTool("zscaler", "https://mcp.example.org/mcp", PROVIDER_ARN)), Map.of());
    Harness h = client.createHarness(outside);
    pollUntil(h.harnessId(), Harness::ready);

    String text = text(invoke(h, "who am I"));
    assertTrue(text.contains("The zscaler tool was unavailable: mcp.example.org could not be reached"), text);
  }

  @Test
  void invoke_withARuntimeErrorInjectedIntoTheStream_deliversTheFirstEvents_thenThrowsIt() {
    createProvider();
    Harness h = client.createHarness(request("faulted"));
    pollUntil(h.harnessId(), Harness::ready);
    emulator.faults().add(new io.harnessdeployer.emulator.control.Faults.Fault(null, "bedrock-agentcore", "InvokeHarness",
        "runtimeClientError", null, "The MCP server at " + MCP_HOST + " closed the connection", 1, null, null, null, true, 2));

    List<HarnessEvent> events = new ArrayList<>();
    HarnessApiException e = assertThrows(HarnessApiException.class, () -> client.invokeHarness(
        new InvokeHarnessRequest(h.arn(), "s".repeat(40), "list my zpa segment groups"), events::add));
    assertEquals("RuntimeClientError", e.code());
    assertEquals(424, e.httpStatus());
    assertTrue(e.getMessage().contains("The MCP server at " + MCP_HOST + " closed the connection"), e.getMessage());
    assertEquals(List.of(new HarnessEvent.MessageStart("assistant"), events.get(1)), events, "the two events before it");
    assertTrue(events.get(1) instanceof HarnessEvent.ToolUse, events.toString());
    assertTrue(text(invoke(h, "again")).contains("again"), "a counted fault fires once");
  }

  @Test
  void invoke_beforeReady_isValidationException() {
    Harness h = client.createHarness(request("not_ready"));
    HarnessApiException e = assertThrows(HarnessApiException.class, () -> client.invokeHarness(
        new InvokeHarnessRequest(h.arn(), "s".repeat(40), "hello"), ev -> {}));
    assertEquals("ValidationException", e.code());
  }

  @Test
  void invoke_withAShortSessionId_isRejectedBeforeTheStream() {
    HarnessApiException e = assertThrows(HarnessApiException.class, () -> client.invokeHarness(
        new InvokeHarnessRequest(PROVIDER_ARN.replace("token-vault/default/apikeycredentialprovider/zscaler-mcp-creds",
            "harness/h-0123456789"), "too-short", "hello"), ev -> {}));
    assertEquals("ValidationException", e.code());
    assertTrue(e.getMessage().contains("runtimeSessionId"), e.getMessage());
  }

  @Test
  void aWrongSecretKey_isRejectedByTheSignatureCheck() {
    HarnessHttpClient wrong = new HarnessHttpClient(http,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHARNESS", "not-the-secret")), Region.US_EAST_1,
        emulator.endpoint());
    HarnessApiException e = assertThrows(HarnessApiException.class, () -> wrong.listHarnesses(null, null));
    assertEquals(403, e.httpStatus());
  }

  /** A clock that moves only when told to. */
  static final class StepClock extends Clock {
    private final AtomicLong millis;

    StepClock(Instant start) {
      millis = new AtomicLong(start.toEpochMilli());
    }

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }
}
