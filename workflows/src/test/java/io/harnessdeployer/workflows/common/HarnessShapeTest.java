package io.harnessdeployer.workflows.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness's compared shape: one definition for desired and live, "not set" kept, headers sealed.
 * {@code SPEC} has no config, as in histories before it: all of {@link HarnessShape#CONFIGURED} is not set.
 */
class HarnessShapeTest {
  static final DataConverter TEMPORAL = DefaultDataConverter.newDefaultInstance();
  static final String PROVIDER = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/p";
  static final HarnessSpec SPEC = new HarnessSpec(new Scope(new DeploymentKey("us-east-1", "dev"), "run"), "h",
      "arn:role", Names.DEFAULT_MODEL_ID, "https://zs-1.example/mcp", PROVIDER, "t").withConfig(null);

  /** A live harness as we deploy it, with {@code notSet} as what it reports of memory and limits. */
  static Map<String, Object> live(String authorization, Map<String, Object> notSet) {
    return HarnessShape.live("arn:role",
        HarnessShape.model(Names.DEFAULT_MODEL_ID, Names.HARNESS_MAX_TOKENS, Names.HARNESS_TEMPERATURE),
        List.of(Names.HARNESS_SYSTEM_PROMPT),
        HarnessShape.tool("https://zs-1.example/mcp", Map.of(HarnessShape.AUTHORIZATION, authorization)), notSet);
  }

  static List<PropertyDiff> drift(Map<String, Object> desired, Map<String, Object> live) {
    return Compare.drift(desired, new Observed(true, null, Map.of(), live));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> roundTrip(Map<String, Object> desired) {
    return TEMPORAL.fromPayload(TEMPORAL.toPayload(desired).orElseThrow(), Map.class, Map.class);
  }

  @Test
  void headers_aPlaceholderShowsAsItself_anythingElseIsSealed() {
    assertEquals("${" + PROVIDER + "}", HarnessShape.shown(HarnessShape.authorization(PROVIDER)));
    assertEquals(ContainerEnv.SEALED, HarnessShape.shown("Basic ZGVtbzpzZWNyZXQ="));
    assertEquals(ContainerEnv.SEALED, HarnessShape.shown("${unterminated"));
    assertEquals(Map.of("url", "u", "headers", Map.of("Authorization", ContainerEnv.SEALED, "X-Key", ContainerEnv.SEALED)),
        HarnessShape.tool("u", Map.of("Authorization", "sk-live-123", "X-Key", "abc")));
  }

  @Test
  void desired_declaresWhatWeDoNotSetAsNull_andLiveKeepsNoNull() {
    Map<String, Object> desired = HarnessShape.of(SPEC);
    for (String key : HarnessShape.CONFIGURED) {
      assertTrue(desired.containsKey(key), key);
      assertNull(desired.get(key), key);
    }
    Map<String, Object> live = live(HarnessShape.authorization(PROVIDER), Map.of());
    assertFalse(live.containsValue(null), live.toString());
    assertEquals(List.of("executionRoleArn", "model", "systemPrompt", "tool"), List.copyOf(live.keySet()));
  }

  @Test
  void ourHarness_noDrift_andWhatWasSetOutOfBand_isAnAdd_evenAfterAPayloadRoundTrip() {
    Map<String, Object> desired = HarnessShape.of(SPEC);
    Map<String, Object> back = roundTrip(desired);
    assertEquals(desired.keySet(), back.keySet(), "Temporal's JSON keeps a key whose value is null");

    Map<String, Object> setOutOfBand = new LinkedHashMap<>();
    setOutOfBand.put("memory", Map.of("managedMemoryConfiguration", Map.of("eventExpiryDuration", 30)));
    setOutOfBand.put("maxIterations", 5);
    for (Map<String, Object> d : List.of(desired, back)) {
      assertEquals(List.of(), drift(d, live(HarnessShape.authorization(PROVIDER), Map.of())));
      assertEquals(List.of(
              new PropertyDiff("maxIterations", null, 5, Kind.ADD),
              new PropertyDiff("memory", null, setOutOfBand.get("memory"), Kind.ADD)),
          drift(d, live(HarnessShape.authorization(PROVIDER), setOutOfBand)));
    }
  }

  @Test
  void aPastedKey_isNotEqualToThePlaceholder_shownSealed() {
    List<PropertyDiff> diffs = drift(HarnessShape.of(SPEC), live("sk-live-123", Map.of()));
    assertEquals(List.of(new PropertyDiff("tool.headers.Authorization", "${" + PROVIDER + "}", ContainerEnv.SEALED,
        Kind.NOT_EQUAL)), diffs);
    assertFalse(diffs.toString().contains("sk-live-123"));
  }

  @Test
  void aConfig_isDeclared_memoryAsTheApiUnion_aLimitLeftOutAsNotSet() {
    HarnessConfig config = new HarnessConfig(HarnessConfig.Memory.managed(List.of("SEMANTIC"), 60), 12, null, 300,
        List.of("@zscaler/*"), "be brief");
    Map<String, Object> desired = HarnessShape.of(SPEC.withConfig(config));
    assertEquals(Map.of("managedMemoryConfiguration", Map.of("strategies", List.of("SEMANTIC"), "eventExpiryDuration", 60)),
        desired.get("memory"));
    assertEquals(12, desired.get("maxIterations"));
    assertTrue(desired.containsKey("maxTokens") && desired.get("maxTokens") == null, "not set, still declared");
    assertEquals(300, desired.get("timeoutSeconds"));
    assertEquals(List.of("@zscaler/*"), desired.get("allowedTools"));
    assertEquals(List.of("be brief"), desired.get("systemPrompt"));
    assertEquals(Map.of("disabled", Map.of()), HarnessShape.memory(HarnessConfig.Memory.disabled()));
    assertEquals(Map.of("agentCoreMemoryConfiguration", Map.of("arn", "arn:m")),
        HarnessShape.memory(HarnessConfig.Memory.existing("arn:m")));

    Map<String, Object> reported = new LinkedHashMap<>();
    reported.put("memory", desired.get("memory"));
    reported.put("maxIterations", 12);
    reported.put("maxTokens", 9000);
    reported.put("timeoutSeconds", 300);
    reported.put("allowedTools", List.of("@zscaler/*"));
    Map<String, Object> live = HarnessShape.live("arn:role",
        HarnessShape.model(Names.DEFAULT_MODEL_ID, Names.HARNESS_MAX_TOKENS, Names.HARNESS_TEMPERATURE), List.of("be brief"),
        HarnessShape.tool("https://zs-1.example/mcp", Map.of(HarnessShape.AUTHORIZATION, HarnessShape.authorization(PROVIDER))),
        reported);
    for (Map<String, Object> d : List.of(desired, roundTrip(desired))) {
      assertEquals(List.of(new PropertyDiff("maxTokens", null, 9000, Kind.ADD)), drift(d, live));
    }
    live.put("timeoutSeconds", 60);
    assertEquals(List.of(new PropertyDiff("maxTokens", null, 9000, Kind.ADD),
        new PropertyDiff("timeoutSeconds", 300, 60, Kind.NOT_EQUAL)), drift(desired, live));
  }
}
