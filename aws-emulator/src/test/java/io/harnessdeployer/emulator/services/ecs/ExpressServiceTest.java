package io.harnessdeployer.emulator.services.ecs;

import static io.harnessdeployer.emulator.services.ecs.EcsRig.EXEC_ROLE;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.INFRA_ROLE;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.container;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.in;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.lastConfiguration;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.list;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.publicEndpoint;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.secrets;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.serverEnv;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.statusCode;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.struct;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.error.AwsServiceError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressServiceTest {
  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:service/zscaler-mcp/zscaler-mcp-server";
  private final EcsRig rig = new EcsRig().withRoles();

  private Map<String, Object> create(String image) {
    rig.call("CreateCluster", in("clusterName", "zscaler-mcp"));
    return rig.createService(
        "zscaler-mcp", "zscaler-mcp-server", container(image, serverEnv("A", "1"), secrets("ZSCALER_CLIENT_ID")));
  }

  @Test
  void create_reportsNoStatusUntilActivatedThenActiveWithAPublicEndpoint() {
    Map<String, Object> created = create("img:1");
    assertEquals(ARN, created.get("serviceArn"));
    assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/zscaler-mcp", created.get("cluster"));
    assertNull(statusCode(created));
    assertNull(publicEndpoint(created));
    assertEquals(tags("managed-by", "zscaler-mcp-harness", "integration", "harness"), created.get("tags"));

    rig.advance(EcsRig.ACTIVATE.minusSeconds(1));
    assertNull(statusCode(rig.describe(ARN)));
    rig.advance(Duration.ofSeconds(1));
    Map<String, Object> active = rig.describe(ARN);
    assertEquals("ACTIVE", statusCode(active));
    String endpoint = publicEndpoint(active);
    assertTrue(endpoint.matches("zs-[0-9a-f]{16}\\.ecs\\.us-east-1\\.on\\.aws"), endpoint);
    rig.advance(Duration.ofMinutes(5));
    assertEquals(endpoint, publicEndpoint(rig.describe(ARN)));
  }

  @Test
  void create_recordsTheConfigurationWithEcsDefaultsAndRegistersATaskDefinition() {
    rig.call("CreateCluster", in("clusterName", "c"));
    Map<String, Object> minimal =
        struct(
            rig.call(
                "CreateExpressGatewayService",
                in("infrastructureRoleArn", INFRA_ROLE, "serviceName", "s", "cluster", "c",
                    "primaryContainer", Map.of("image", "img:1"))),
            "service");
    Map<String, Object> config = lastConfiguration(minimal);
    assertEquals("256", config.get("cpu"));
    assertEquals("512", config.get("memory"));
    assertEquals("/ping", config.get("healthCheckPath"));
    assertEquals(80, struct(config, "primaryContainer").get("containerPort"));
    assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/c-s:1", config.get("taskDefinitionArn"));
    assertTrue(((String) config.get("serviceRevisionArn")).startsWith("arn:aws:ecs:us-east-1:123456789012:service-revision/c/s/"));
    assertEquals(config.get("serviceRevisionArn"), minimal.get("currentDeployment"));

    Map<String, Object> deployed = create("img:1");
    Map<String, Object> c = lastConfiguration(deployed);
    assertEquals("1024", c.get("cpu"));
    assertEquals(EXEC_ROLE, c.get("executionRoleArn"));
    assertEquals("/health", c.get("healthCheckPath"));
    assertEquals(secrets("ZSCALER_CLIENT_ID"), struct(c, "primaryContainer").get("secrets"));

    Map<String, Object> td =
        struct(rig.call("DescribeTaskDefinition", in("taskDefinition", "zscaler-mcp-zscaler-mcp-server")), "taskDefinition");
    assertEquals(1, td.get("revision"));
    assertEquals("ACTIVE", td.get("status"));
    Map<String, Object> main = list(td, "containerDefinitions").get(0);
    assertEquals("Main", main.get("name"));
    assertEquals("img:1", main.get("image"));
    assertEquals(secrets("ZSCALER_CLIENT_ID"), main.get("secrets"));
    assertEquals(
        Map.of("awslogs-group", "/ecs/zscaler-mcp", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "mcp"),
        struct(struct(main, "logConfiguration"), "options"));
  }

  @Test
  void create_failsOnAMissingOrInactiveCluster() {
    rig.fails("ClusterNotFoundException", "CreateExpressGatewayService",
        in("infrastructureRoleArn", INFRA_ROLE, "cluster", "nope", "primaryContainer", Map.of("image", "i")));
    rig.call("CreateCluster", in("clusterName", "gone"));
    rig.call("DeleteCluster", in("cluster", "gone"));
    rig.fails("ClusterNotFoundException", "CreateExpressGatewayService",
        in("infrastructureRoleArn", INFRA_ROLE, "cluster", "gone", "primaryContainer", Map.of("image", "i")));
  }

  @Test
  void create_failsUntilBothRolesExistAndHavePropagated() {
    rig.cloud.roles.clear();
    rig.call("CreateCluster", in("clusterName", "zscaler-mcp"));
    AwsServiceError missing = rig.fails("InvalidParameterException", "CreateExpressGatewayService", request());
    assertTrue(missing.getMessage().contains(INFRA_ROLE), missing.getMessage());

    rig.cloud.roles.put(INFRA_ROLE, rig.clock.now.minus(Duration.ofMinutes(1)));
    rig.cloud.roles.put(EXEC_ROLE, rig.clock.now.minusSeconds(2));
    AwsServiceError young = rig.fails("InvalidParameterException", "CreateExpressGatewayService", request());
    assertTrue(young.getMessage().contains(EXEC_ROLE), young.getMessage());

    rig.advance(Duration.ofSeconds(3));
    assertEquals(ARN, struct(rig.call("CreateExpressGatewayService", request()), "service").get("serviceArn"));
  }

  @Test
  void create_withTheNameOfALiveServiceIsNotIdempotent() {
    create("img:1");
    AwsServiceError e = rig.fails("InvalidParameterException", "CreateExpressGatewayService", request());
    assertEquals("Creation of service was not idempotent.", e.getMessage());
  }

  @Test
  void update_keepsServingTheOldConfigurationUntilTheRolloutCompletes() {
    create("img:1");
    rig.advance(EcsRig.ACTIVATE);
    Map<String, Object> updated =
        struct(
            rig.call(
                "UpdateExpressGatewayService",
                in("serviceArn", ARN, "executionRoleArn", EXEC_ROLE, "healthCheckPath", "/health",
                    "primaryContainer", container("img:2", serverEnv(), List.of()))),
            "service");
    assertEquals("ACTIVE", statusCode(updated));
    Map<String, Object> target = struct(updated, "targetConfiguration");
    assertEquals("img:2", struct(target, "primaryContainer").get("image"));
    assertEquals("1024", target.get("cpu"), "members the update leaves out are kept");
    assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/zscaler-mcp-zscaler-mcp-server:2", target.get("taskDefinitionArn"));

    rig.advance(EcsRig.UPDATE.minusSeconds(1));
    Map<String, Object> rolling = rig.describe(ARN);
    assertEquals("ACTIVE", statusCode(rolling));
    assertEquals("img:1", struct(lastConfiguration(rolling), "primaryContainer").get("image"));
    assertEquals(target.get("serviceRevisionArn"), rolling.get("currentDeployment"));
    assertTrue(publicEndpoint(rolling) != null);

    rig.advance(Duration.ofSeconds(1));
    Map<String, Object> done = rig.describe(ARN);
    assertEquals("img:2", struct(lastConfiguration(done), "primaryContainer").get("image"));
    assertEquals(List.of(), struct(lastConfiguration(done), "primaryContainer").getOrDefault("secrets", List.of()));
  }

  @Test
  void update_failsOnUnknownServicesAndClusters() {
    create("img:1");
    rig.fails("ServiceNotFoundException", "UpdateExpressGatewayService", in("serviceArn", ARN + "-x"));
    rig.fails("ClusterNotFoundException", "UpdateExpressGatewayService",
        in("serviceArn", "arn:aws:ecs:us-east-1:123456789012:service/nope/s"));
    rig.fails("ServiceNotFoundException", "DeleteExpressGatewayService", in("serviceArn", ARN + "-x"));
    rig.fails("ResourceNotFoundException", "DescribeExpressGatewayService", in("serviceArn", ARN + "-x"));
  }

  @Test
  void delete_drainsThenLeavesAnInactiveServiceAndFreesTheName() {
    String firstEndpoint = publicEndpoint(activate(create("img:1")));

    Map<String, Object> deleted = struct(rig.call("DeleteExpressGatewayService", in("serviceArn", ARN)), "service");
    assertEquals("DRAINING", statusCode(deleted));
    assertEquals("DRAINING", statusCode(rig.describe(ARN)));
    rig.fails("ServiceNotActiveException", "UpdateExpressGatewayService", in("serviceArn", ARN));
    rig.fails("ServiceNotActiveException", "DeleteExpressGatewayService", in("serviceArn", ARN));
    AwsServiceError draining = rig.fails("InvalidParameterException", "CreateExpressGatewayService", request());
    assertEquals("Unable to Start a service that is still Draining.", draining.getMessage());

    rig.advance(EcsRig.DRAIN);
    Map<String, Object> inactive = rig.describe(ARN);
    assertEquals("INACTIVE", statusCode(inactive));
    assertEquals(List.of(), inactive.get("activeConfigurations"));
    rig.fails("ServiceNotActiveException", "DeleteExpressGatewayService", in("serviceArn", ARN));
    rig.fails("ServiceNotActiveException", "UpdateExpressGatewayService", in("serviceArn", ARN));

    Map<String, Object> again = activate(struct(rig.call("CreateExpressGatewayService", request()), "service"));
    assertEquals("ACTIVE", statusCode(again));
    assertNotEquals(firstEndpoint, publicEndpoint(again));
  }

  @Test
  void describe_returnsTagsOnlyWhenAsked() {
    create("img:1");
    assertNull(rig.describe(ARN).get("tags"));
    Map<String, Object> tagged =
        struct(rig.call("DescribeExpressGatewayService", in("serviceArn", ARN, "include", List.of("TAGS"))), "service");
    assertEquals(tags("managed-by", "zscaler-mcp-harness", "integration", "harness"), tagged.get("tags"));
  }

  @Test
  void resources_showClustersServicesAndTaskDefinitionsWithTheirStatus() {
    create("img:1");
    var views = rig.ecs.resources();
    assertTrue(views.stream().anyMatch(v -> v.type().equals("cluster") && v.status().equals("ACTIVE")));
    assertTrue(views.stream().anyMatch(v -> v.type().equals("express-service") && v.status().equals("PROVISIONING")
        && v.tags().get("managed-by").equals("zscaler-mcp-harness")));
    assertTrue(views.stream().anyMatch(v -> v.type().equals("task-definition") && v.name().equals("zscaler-mcp-zscaler-mcp-server:1")));
    rig.advance(EcsRig.ACTIVATE);
    assertTrue(rig.ecs.resources().stream().anyMatch(v -> v.type().equals("express-service") && v.status().equals("ACTIVE")));
    rig.ecs.reset();
    assertEquals(List.of(), rig.ecs.resources());
  }

  private Map<String, Object> activate(Map<String, Object> service) {
    rig.advance(EcsRig.ACTIVATE);
    return rig.describe((String) service.get("serviceArn"));
  }

  private static Map<String, Object> request() {
    return in(
        "executionRoleArn", EXEC_ROLE,
        "infrastructureRoleArn", INFRA_ROLE,
        "serviceName", "zscaler-mcp-server",
        "cluster", "zscaler-mcp",
        "healthCheckPath", "/health",
        "primaryContainer", container("img:1", serverEnv(), List.of()));
  }
}
