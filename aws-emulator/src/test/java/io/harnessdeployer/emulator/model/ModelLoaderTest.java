package io.harnessdeployer.emulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.runtime.Emulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {
  static final ServiceCatalog CATALOG = ServiceCatalog.loadAll();

  @Test
  void everyShippedModelLoads_withRoutingMetadata() {
    assertEquals(ModelLoader.SERVICES.size(), CATALOG.all().size());
    assertEquals("ecs", CATALOG.byTargetPrefix("AmazonEC2ContainerServiceV20141113").orElseThrow().id());
    assertEquals("secretsmanager", CATALOG.byTargetPrefix("secretsmanager").orElseThrow().id());
    assertEquals(List.of("iam"), CATALOG.bySigningName("iam").stream().map(ServiceModel::id).toList());
    assertEquals(List.of("bedrock-agentcore-control", "bedrock-agentcore"),
        CATALOG.bySigningName("bedrock-agentcore").stream().map(ServiceModel::id).toList());
  }

  @Test
  void everyMemberResolves_andEveryPatternCompiles() {
    int patterns = 0;
    for (ServiceModel m : CATALOG.all()) {
      for (Shape s : m.shapes().values()) {
        if (s instanceof Shape.Structure st) st.members().values().forEach(mem -> assertNotNull(mem.shape()));
        if (s instanceof Shape.Scalar sc && sc.kind() == Shape.Kind.STRING) {
          String raw = rawPattern(m.id(), sc.name());
          if (raw != null) {
            assertNotNull(sc.pattern(), m.id() + " " + sc.name() + " pattern " + raw);
            patterns++;
          }
        }
      }
    }
    assertTrue(patterns > 100);
  }

  @Test
  void errorTraits_comeFromTheModel() {
    ServiceModel iam = CATALOG.byId("iam").orElseThrow();
    assertEquals(new ErrorTrait("NoSuchEntity", 404, true), iam.errorShape("NoSuchEntityException").orElseThrow().error());
    ServiceModel sm = CATALOG.byId("secretsmanager").orElseThrow();
    assertEquals(new ErrorTrait("ResourceNotFoundException", 400, true), sm.errorShape("ResourceNotFoundException").orElseThrow().error());
    assertFalse(sm.errorShape("InternalServiceError").orElseThrow().error().senderFault());
    assertEquals(500, sm.errorShape("InternalServiceError").orElseThrow().error().httpStatus());
    ServiceModel ac = CATALOG.byId("bedrock-agentcore").orElseThrow();
    assertEquals(424, ac.errorShape("RuntimeClientError").orElseThrow().error().httpStatus());
    assertTrue(((Shape.Structure) ac.shapes().get("InvokeHarnessStreamOutput")).eventStream());
  }

  @Test
  void startupTime_isPrinted() {
    long t0 = System.nanoTime();
    ServiceCatalog.loadAll();
    long models = System.nanoTime() - t0;
    t0 = System.nanoTime();
    try (Emulator e = Emulator.builder().build().start()) {
      System.out.printf("[startup] models %d ms, emulator start %d ms (port %d)%n",
          models / 1_000_000, (System.nanoTime() - t0) / 1_000_000, e.port());
    }
  }

  private static final java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> RAW = new java.util.HashMap<>();

  private static String rawPattern(String service, String shape) {
    var node = RAW.computeIfAbsent(service, s -> {
      try (var in = ModelLoader.class.getResourceAsStream("/models/" + s + ".json")) {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).path("shapes").path(shape).path("pattern");
    return node.isMissingNode() ? null : node.asText();
  }
}
