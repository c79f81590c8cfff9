package io.harnessdeployer.activities.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.steps.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AccessType;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.IngressPathSummary;

class ServiceDesignTest {
  static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbC123";

  static ServiceSpec spec(Map<String, String> env, List<String> keys) {
    return new ServiceSpec(EmulatorRig.scope("r"), "c", "s", "exec", "infra", "img:1", "/ecs/x", env,
        keys.isEmpty() ? null : ARN, keys, null, null);
  }

  @Test
  void secretsOf_projectsEachKeyFromTheLatestVersion() {
    assertEquals(Map.of("ZSCALER_CLIENT_ID", ARN + ":ZSCALER_CLIENT_ID::"),
        ServiceDesign.secretsOf(spec(Map.of(), List.of("ZSCALER_CLIENT_ID"))));
    assertTrue(ServiceDesign.secretsOf(spec(Map.of(), List.of())).isEmpty());
  }

  @Test
  void changes_namesImageHealthSecretsAndEnvKeysButNoValues() {
    Map<String, String> env = new LinkedHashMap<>(Map.of("A", "1", "B", "s3cr3t-value"));
    ServiceDesign design = new ServiceDesign("img:2", env, Map.of("K", ARN + ":K::"), "/ecs/x");
    ServiceDesign same = new ServiceDesign("img:2", env, Map.of("K", ARN + ":K::"), "/ecs/x");
    ExpressGatewayServiceConfiguration live = ExpressGatewayServiceConfiguration.builder()
        .healthCheckPath("/health").primaryContainer(same.container()).build();
    assertEquals(List.of(), design.changes(live));

    ServiceDesign other = new ServiceDesign("img:3", Map.of("A", "2", "C", "x"), Map.of(), "/ecs/x");
    List<String> changes = other.changes(live);
    assertEquals(List.of("image", "secrets", "A", "B", "C"), changes);
    assertFalse(changes.toString().contains("s3cr3t"));
    assertFalse(design.toString().contains("s3cr3t"));

    assertEquals(List.of("image", "healthCheckPath", "secrets", "A", "B"), design.changes(null));
  }

  @Test
  void views_publicEndpointAndRollout() {
    ExpressGatewayServiceConfiguration old = ExpressGatewayServiceConfiguration.builder()
        .serviceRevisionArn("arn:aws:ecs:us-east-1:1:service-revision/c/s/1")
        .ingressPaths(IngressPathSummary.builder().accessType(AccessType.PUBLIC)
            .endpoint("https://zs-1.ecs.us-east-1.on.aws/").build())
        .build();
    ECSExpressGatewayService rolling = ECSExpressGatewayService.builder()
        .status(st -> st.statusCode("ACTIVE"))
        .currentDeployment("arn:aws:ecs:us-east-1:1:service-revision/c/s/2")
        .activeConfigurations(old).build();
    assertEquals("zs-1.ecs.us-east-1.on.aws", ExpressViews.publicEndpoint(rolling));
    assertFalse(ExpressViews.rolledOut(rolling));
    assertTrue(ExpressViews.rolledOut(rolling.toBuilder()
        .currentDeployment("arn:aws:ecs:us-east-1:1:service-revision/c/s/1").build()));
    assertEquals("PROVISIONING", ExpressViews.status(ECSExpressGatewayService.builder().build()));
  }

  @Test
  void familyOf_readsTheTaskDefinitionArn() {
    assertEquals("zscaler-mcp-zscaler-mcp-server", TaskDefinitionCleaner.familyOf(
        "arn:aws:ecs:us-east-1:123456789012:task-definition/zscaler-mcp-zscaler-mcp-server:12"));
  }
}
