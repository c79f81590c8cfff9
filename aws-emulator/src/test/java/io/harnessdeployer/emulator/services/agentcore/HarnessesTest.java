package io.harnessdeployer.emulator.services.agentcore;

import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.CREATE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.DELETE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.PROPAGATION;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.ROLE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.UPDATE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.fails;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.list;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.ResourceView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarnessesTest {
  private static final String TOKEN = "0f8fad5b-d9cb-469f-a165-70867728950e";
  private final AgentCoreFixture f = new AgentCoreFixture().withRole(ROLE);

  private Map<String, Object> createInput(String name) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("harnessName", name);
    in.put("executionRoleArn", ROLE);
    in.put("model", Map.of("bedrockModelConfig", Map.of("modelId", "m-1", "maxTokens", 8192, "temperature", 0.2)));
    in.put("systemPrompt", List.of(Map.of("text", "be helpful")));
    in.put("tools", List.of(Map.of("type", "remote_mcp", "name", "zscaler",
        "config", Map.of("remoteMcp", Map.of("url", "https://mcp.example.com/mcp")))));
    return in;
  }

  private Map<String, Object> create(String name) {
    return map(f.control("CreateHarness", createInput(name)).get("harness"));
  }

  private Map<String, Object> get(String id) {
    return map(f.control("GetHarness", Map.of("harnessId", id)).get("harness"));
  }

  @Test
  void createHarness_isCreatingUntilTheCreateLatencyPasses_thenReady() {
    Map<String, Object> h = create("zscaler_mcp_harness");

    String id = (String) h.get("harnessId");
    assertTrue(id.matches("zscaler_mcp_harness-[a-zA-Z0-9]{10}"), id);
    assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/" + id, h.get("arn"));
    assertEquals("CREATING", h.get("status"));
    assertEquals("1", h.get("harnessVersion"));
    assertEquals(List.of(Map.of("text", "be helpful")), h.get("systemPrompt"));
    Map<String, Object> env = map(map(h.get("environment")).get("agentCoreRuntimeEnvironment"));
    assertTrue(env.get("agentRuntimeId").toString().startsWith("harness_zscaler_mcp_harness-"));
    for (String required : List.of("skills", "allowedTools", "truncation", "createdAt", "updatedAt")) {
      assertTrue(h.containsKey(required), required);
    }

    f.clock.advance(CREATE.minusMillis(1));
    assertEquals("CREATING", get(id).get("status"));
    f.clock.advance(Duration.ofMillis(1));
    assertEquals("READY", get(id).get("status"));
  }

  @Test
  void createHarness_withADuplicateName_isConflict_untilTheFirstIsGone() {
    String id = (String) create("h").get("harnessId");
    fails("ConflictException", () -> create("h"));

    f.clock.advance(CREATE);
    f.control("DeleteHarness", Map.of("harnessId", id));
    fails("ConflictException", () -> create("h"));
    f.clock.advance(DELETE);
    assertEquals("CREATING", create("h").get("status"));
  }

  @Test
  void createHarness_withAMissingRole_failsRoleValidation() {
    Map<String, Object> in = createInput("h");
    in.put("executionRoleArn", "arn:aws:iam::123456789012:role/missing");

    AwsServiceError e = fails("ValidationException", () -> f.control("CreateHarness", in));
    assertTrue(e.getMessage().startsWith("Role validation failed for 'arn:aws:iam::123456789012:role/missing'"), e.getMessage());
    assertEquals("executionRoleArn", map(list(e.fields().get("fieldList")).get(0)).get("name"));
  }

  @Test
  void createHarness_withARoleIamHasNotPropagated_failsUntilPropagationPasses() {
    String fresh = "arn:aws:iam::123456789012:role/fresh";
    f.roles.put(fresh, f.clock.instant());
    Map<String, Object> in = createInput("h");
    in.put("executionRoleArn", fresh);

    fails("ValidationException", () -> f.control("CreateHarness", in));
    f.clock.advance(PROPAGATION);
    assertEquals("CREATING", map(f.control("CreateHarness", in).get("harness")).get("status"));
  }

  @Test
  void createHarness_whoseRoleVanishesBeforeReady_endsCreateFailedWithAReason() {
    String id = (String) create("h").get("harnessId");
    f.roles.remove(ROLE);
    f.clock.advance(CREATE);

    Map<String, Object> h = get(id);
    assertEquals("CREATE_FAILED", h.get("status"));
    assertTrue(h.get("failureReason").toString().contains(ROLE));
  }

  @Test
  void createHarness_withTheSameClientToken_returnsTheSameHarness() {
    Map<String, Object> in = createInput("h");
    in.put("clientToken", TOKEN);
    String id = (String) map(f.control("CreateHarness", in).get("harness")).get("harnessId");

    assertEquals(id, map(f.control("CreateHarness", in).get("harness")).get("harnessId"));
    in.put("systemPrompt", List.of(Map.of("text", "something else")));
    AwsServiceError e = fails("ValidationException", () -> f.control("CreateHarness", in));
    assertEquals("IdempotentParameterMismatchException", e.fields().get("reason"));
  }

  @Test
  void updateHarness_bumpsTheVersion_isUpdatingThenReady_andKeepsOldVersions() {
    String id = (String) create("h").get("harnessId");
    fails("ConflictException", () -> f.control("UpdateHarness", Map.of("harnessId", id, "maxIterations", 5)));
    f.clock.advance(CREATE);

    Map<String, Object> updated = map(f.control("UpdateHarness", Map.of("harnessId", id,
        "systemPrompt", List.of(Map.of("text", "v2")), "memory", Map.of("optionalValue", Map.of("disabled", Map.of())))).get("harness"));

    assertEquals("UPDATING", updated.get("status"));
    assertEquals("2", updated.get("harnessVersion"));
    assertEquals(Map.of("disabled", Map.of()), updated.get("memory"));
    assertEquals(map(createInput("h").get("model")), updated.get("model"));
    fails("ConflictException", () -> f.control("UpdateHarness", Map.of("harnessId", id, "maxIterations", 5)));
    f.clock.advance(UPDATE);
    assertEquals("READY", get(id).get("status"));
    Map<String, Object> v1 = map(f.control("GetHarness", Map.of("harnessId", id, "harnessVersion", "1")).get("harness"));
    assertEquals(List.of(Map.of("text", "be helpful")), v1.get("systemPrompt"));
    fails("ResourceNotFoundException", () -> f.control("GetHarness", Map.of("harnessId", id, "harnessVersion", "3")));

    Map<String, Object> cleared = map(f.control("UpdateHarness", Map.of("harnessId", id, "memory", Map.of())).get("harness"));
    assertNull(cleared.get("memory"));
  }

  @Test
  void getHarness_echoesLimitsOnlyOnceSet_andMemoryIsManagedUnlessSetOtherwise() {
    String id = (String) create("h").get("harnessId");
    f.clock.advance(CREATE);
    for (String m : List.of("maxIterations", "maxTokens", "timeoutSeconds")) {
      assertFalse(get(id).containsKey(m), m + " is not reported when never set");
    }
    Map<String, Object> managed = map(map(get(id).get("memory")).get("managedMemoryConfiguration"));
    assertEquals(30, managed.get("eventExpiryDuration"), "no memory member: managed memory, as AWS documents");
    Map<String, Object> memory = Map.of("managedMemoryConfiguration", Map.of("eventExpiryDuration", 45));
    f.control("UpdateHarness", Map.of("harnessId", id, "memory", Map.of("optionalValue", memory), "maxIterations", 5));
    f.clock.advance(UPDATE);

    Map<String, Object> h = get(id);
    assertEquals(Map.of("arn", managed.get("arn"), "strategies", managed.get("strategies"), "eventExpiryDuration", 45),
        map(map(h.get("memory")).get("managedMemoryConfiguration")));
    assertEquals(5, ((Number) h.get("maxIterations")).intValue());
    assertFalse(h.containsKey("maxTokens") || h.containsKey("timeoutSeconds"), h.toString());
  }

  @Test
  void updateHarness_toAMissingRole_isRejected() {
    String id = (String) create("h").get("harnessId");
    f.clock.advance(CREATE);
    fails("ValidationException", () -> f.control("UpdateHarness",
        Map.of("harnessId", id, "executionRoleArn", "arn:aws:iam::123456789012:role/missing")));
  }

  @Test
  void deleteHarness_isDeletingThenGone_andTakesItsTags() {
    Map<String, Object> in = createInput("h");
    in.put("tags", Map.of("deployment", "d1"));
    Map<String, Object> h = map(f.control("CreateHarness", in).get("harness"));
    String id = (String) h.get("harnessId");
    assertEquals(Map.of("deployment", "d1"), f.control("ListTagsForResource", Map.of("resourceArn", h.get("arn"))).get("tags"));
    fails("ConflictException", () -> f.control("DeleteHarness", Map.of("harnessId", id)));
    f.clock.advance(CREATE);

    assertEquals("DELETING", map(f.control("DeleteHarness", Map.of("harnessId", id)).get("harness")).get("status"));
    assertEquals("DELETING", map(f.control("DeleteHarness", Map.of("harnessId", id)).get("harness")).get("status"));
    assertEquals("DELETING", get(id).get("status"));
    f.clock.advance(DELETE);

    fails("ResourceNotFoundException", () -> get(id));
    fails("ResourceNotFoundException", () -> f.control("DeleteHarness", Map.of("harnessId", id)));
    fails("ResourceNotFoundException", () -> f.control("ListTagsForResource", Map.of("resourceArn", h.get("arn"))));
    assertEquals(List.of(), f.control("ListHarnesses", Map.of()).get("harnesses"));
  }

  @Test
  void getHarness_unknown_isResourceNotFound() {
    fails("ResourceNotFoundException", () -> get("nope-0123456789"));
  }

  @Test
  void listHarnesses_pagesInCreationOrder() {
    for (String n : List.of("c", "a", "b")) {
      create(n);
      f.clock.advance(Duration.ofSeconds(1));
    }

    Map<String, Object> first = f.control("ListHarnesses", Map.of("maxResults", 2));
    assertEquals(List.of("c", "a"), list(first.get("harnesses")).stream().map(h -> map(h).get("harnessName")).toList());
    Map<String, Object> second = f.control("ListHarnesses", Map.of("maxResults", 2, "nextToken", first.get("nextToken")));
    assertEquals(List.of("b"), list(second.get("harnesses")).stream().map(h -> map(h).get("harnessName")).toList());
    assertNull(second.get("nextToken"));
  }

  @Test
  void resources_showHarnessStatusAndTags() {
    Map<String, Object> in = createInput("h");
    in.put("tags", Map.of("k", "v"));
    f.control("CreateHarness", in);

    ResourceView v = f.control.resources().get(0);
    assertEquals("harness", v.type());
    assertEquals("CREATING", v.status());
    assertEquals(Map.of("k", "v"), v.tags());
    f.clock.advance(CREATE);
    assertEquals("READY", f.control.resources().get(0).status());
  }
}
