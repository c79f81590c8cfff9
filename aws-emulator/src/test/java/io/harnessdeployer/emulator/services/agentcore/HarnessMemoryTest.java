package io.harnessdeployer.emulator.services.agentcore;

import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.CREATE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.ROLE;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.fails;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory (opt-out, managed by default) and the limits of CreateHarness/UpdateHarness, read back by GetHarness. */
class HarnessMemoryTest {
  private final AgentCoreFixture f = new AgentCoreFixture().withRole(ROLE);

  private Map<String, Object> create(String name, Map<String, Object> extra) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("harnessName", name);
    in.put("executionRoleArn", ROLE);
    in.putAll(extra);
    return map(f.control("CreateHarness", in).get("harness"));
  }

  private Map<String, Object> get(Object id) {
    return map(f.control("GetHarness", Map.of("harnessId", id)).get("harness"));
  }

  @Test
  void noMemoryMember_isManagedMemory_withItsDefaultsAndAReadOnlyArn() {
    Map<String, Object> h = get(create("h", Map.of()).get("harnessId"));
    Map<String, Object> managed = map(map(h.get("memory")).get("managedMemoryConfiguration"));
    assertEquals(List.of("SEMANTIC", "SUMMARIZATION"), managed.get("strategies"));
    assertEquals(30, managed.get("eventExpiryDuration"));
    assertTrue(managed.get("arn").toString()
        .matches("arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/h_mem-[a-zA-Z0-9]{10}"), managed.toString());
  }

  @Test
  void disabledMemory_andLimits_areStored_andReturned() {
    Map<String, Object> h = get(create("h", Map.of("memory", Map.of("disabled", Map.of()), "maxIterations", 12,
        "maxTokens", 4000, "timeoutSeconds", 300, "allowedTools", List.of("@zscaler/*"))).get("harnessId"));
    assertEquals(Map.of("disabled", Map.of()), h.get("memory"));
    assertEquals(12, h.get("maxIterations"));
    assertEquals(4000, h.get("maxTokens"));
    assertEquals(300, h.get("timeoutSeconds"));
    assertEquals(List.of("@zscaler/*"), h.get("allowedTools"));
  }

  @Test
  void update_changesALimitInPlace_andManagedMemoryKeepsItsArn() {
    Object id = create("h", Map.of("maxTokens", 4000)).get("harnessId");
    f.clock.advance(CREATE);
    Object arn = map(map(get(id).get("memory")).get("managedMemoryConfiguration")).get("arn");
    f.control("UpdateHarness", Map.of("harnessId", id, "maxTokens", 6000, "memory", Map.of("optionalValue",
        Map.of("managedMemoryConfiguration", Map.of("strategies", List.of("EPISODIC"), "eventExpiryDuration", 90)))));
    Map<String, Object> h = get(id);
    assertEquals(6000, h.get("maxTokens"));
    assertEquals("2", h.get("harnessVersion"));
    assertEquals(Map.of("arn", arn, "strategies", List.of("EPISODIC"), "eventExpiryDuration", 90),
        map(map(h.get("memory")).get("managedMemoryConfiguration")));
  }

  @Test
  void aLimitBelowOne_isAValidationException() {
    fails("ValidationException", () -> create("h", Map.of("maxIterations", 0)));
    Object id = create("h", Map.of()).get("harnessId");
    f.clock.advance(CREATE);
    fails("ValidationException", () -> f.control("UpdateHarness", Map.of("harnessId", id, "timeoutSeconds", -1)));
  }
}
