package io.harnessdeployer.emulator.services.ecs;

import static io.harnessdeployer.emulator.services.ecs.EcsRig.EXEC_ROLE;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.INFRA_ROLE;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.SECRET_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessType;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatusCode;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.UpdatedExpressGatewayService;

/** The ECS handler through the real AWS SDK v2 client and the emulator's HTTP server. */
class EcsSdkContractTest {
  private static final String CLUSTER = "zscaler-mcp";
  private static final String SERVICE = "zscaler-mcp-server";
  private static final String FAMILY = CLUSTER + "-" + SERVICE;

  private final EcsRig.ManualClock clock = new EcsRig.ManualClock();
  private final EcsRig.FakeCloud cloud = new EcsRig.FakeCloud();
  private Emulator emulator;
  private EcsClient ecs;

  @BeforeEach
  void start() {
    EmulatorSettings settings =
        EmulatorSettings.defaults()
            .withClock(clock)
            .withLatency(
                LatencyProfile.instant()
                    .with("ecs.activate", EcsRig.ACTIVATE)
                    .with("ecs.update", EcsRig.UPDATE)
                    .with("ecs.drain", EcsRig.DRAIN)
                    .with("iam.propagation", EcsRig.IAM));
    emulator = Emulator.builder().settings(settings).handler(new EcsHandler(cloud, clock)).build().start();
    ecs = Clients.of(EcsClient.builder(), emulator);
    cloud.roles.put(INFRA_ROLE, clock.now.minus(Duration.ofMinutes(5)));
    cloud.roles.put(EXEC_ROLE, clock.now.minus(Duration.ofMinutes(5)));
    cloud.secrets.put(SECRET_ARN, Map.of("ZSCALER_CLIENT_ID", "id", "ZSCALER_CLIENT_SECRET", "s3cr3t"));
  }

  @AfterEach
  void stop() {
    ecs.close();
    emulator.close();
  }

  @Test
  void clusterLifecycle_refusesDeletionUntilTheServiceHasDrained() {
    var created = ecs.createCluster(b -> b.clusterName(CLUSTER).tags(tag("managed-by", "zscaler-mcp-harness"))).cluster();
    assertEquals("ACTIVE", created.status());
    var described = ecs.describeClusters(b -> b.clusters(CLUSTER, "missing").include(ClusterField.TAGS));
    assertEquals(List.of(tag("managed-by", "zscaler-mcp-harness")), described.clusters().get(0).tags());
    assertEquals("MISSING", described.failures().get(0).reason());

    String arn = ecs.createExpressGatewayService(create(allowedHosts("localhost:*"))).service().serviceArn();
    assertEquals(1, ecs.describeClusters(b -> b.clusters(CLUSTER)).clusters().get(0).activeServicesCount());
    assertThrows(ClusterContainsServicesException.class, () -> ecs.deleteCluster(b -> b.cluster(CLUSTER)));

    ecs.deleteExpressGatewayService(b -> b.serviceArn(arn));
    assertEquals(List.of(), ecs.listServices(b -> b.cluster(CLUSTER)).serviceArns(), "DRAINING services are not listed");
    assertThrows(ClusterContainsServicesException.class, () -> ecs.deleteCluster(b -> b.cluster(CLUSTER)));

    clock.now = clock.now.plus(EcsRig.DRAIN);
    assertEquals("INACTIVE", ecs.deleteCluster(b -> b.cluster(CLUSTER)).cluster().status());
    assertEquals("INACTIVE", ecs.describeClusters(b -> b.clusters(CLUSTER)).clusters().get(0).status());
  }

  @Test
  void listClusters_pagesTheActiveClustersArns() {
    for (int i = 0; i < 3; i++) {
      String name = "c" + i;
      ecs.createCluster(b -> b.clusterName(name));
    }
    ecs.deleteCluster(b -> b.cluster("c1"));
    var first = ecs.listClusters(b -> b.maxResults(1));
    assertEquals(1, first.clusterArns().size());
    assertTrue(first.clusterArns().get(0).endsWith(":cluster/c0"), first.clusterArns().toString());
    var rest = ecs.listClusters(b -> b.nextToken(first.nextToken()));
    assertEquals(1, rest.clusterArns().size(), "INACTIVE clusters are not listed: " + rest.clusterArns());
    assertTrue(rest.clusterArns().get(0).endsWith(":cluster/c2"));
    assertNull(rest.nextToken());
    List<String> all = new ArrayList<>();
    ecs.listClustersPaginator(b -> b.maxResults(1)).clusterArns().forEach(all::add);
    assertEquals(2, all.size());
    assertThrows(InvalidParameterException.class, () -> ecs.listClusters(b -> b.maxResults(101)));
  }

  @Test
  void expressService_createActivateUpdateDeleteDrainInactive() {
    ecs.createCluster(b -> b.clusterName(CLUSTER));
    ECSExpressGatewayService created = ecs.createExpressGatewayService(create(allowedHosts("localhost:*"))).service();
    assertNull(created.status().statusCode());
    assertEquals(List.of(tag("managed-by", "zscaler-mcp-harness")), created.tags());

    clock.now = clock.now.plus(EcsRig.ACTIVATE);
    ECSExpressGatewayService active = describe(created.serviceArn());
    assertEquals(ExpressGatewayServiceStatusCode.ACTIVE, active.status().statusCode());
    var ingress = last(active).ingressPaths().get(0);
    assertEquals(AccessType.PUBLIC, ingress.accessType());
    assertTrue(ingress.endpoint().matches("zs-[0-9a-f]{16}\\.ecs\\.us-east-1\\.on\\.aws"), ingress.endpoint());
    assertEquals(created.createdAt(), active.createdAt());
    assertEquals(
        List.of(tag("managed-by", "zscaler-mcp-harness")),
        ecs.describeExpressGatewayService(b -> b.serviceArn(created.serviceArn()).include(ExpressGatewayServiceInclude.TAGS))
            .service().tags());

    UpdatedExpressGatewayService updated =
        ecs.updateExpressGatewayService(b -> b.serviceArn(created.serviceArn()).executionRoleArn(EXEC_ROLE)
            .healthCheckPath("/health").primaryContainer(container("img:2", allowedHosts(ingress.endpoint())))).service();
    assertEquals(ExpressGatewayServiceStatusCode.ACTIVE, updated.status().statusCode());
    assertEquals("img:2", updated.targetConfiguration().primaryContainer().image());
    assertEquals("img:1", last(describe(created.serviceArn())).primaryContainer().image());
    clock.now = clock.now.plus(EcsRig.UPDATE);
    assertEquals("img:2", last(describe(created.serviceArn())).primaryContainer().image());

    var deleted = ecs.deleteExpressGatewayService(b -> b.serviceArn(created.serviceArn())).service();
    assertEquals(ExpressGatewayServiceStatusCode.DRAINING, deleted.status().statusCode());
    assertThrows(ServiceNotActiveException.class, () -> ecs.updateExpressGatewayService(b -> b.serviceArn(created.serviceArn())));
    InvalidParameterException draining =
        assertThrows(InvalidParameterException.class, () -> ecs.createExpressGatewayService(create(allowedHosts("x"))));
    assertTrue(draining.getMessage().contains("Unable to Start a service that is still Draining."), draining.getMessage());
    clock.now = clock.now.plus(EcsRig.DRAIN);
    assertEquals(ExpressGatewayServiceStatusCode.INACTIVE, describe(created.serviceArn()).status().statusCode());
    assertThrows(ResourceNotFoundException.class, () -> describe(created.serviceArn() + "-unknown"));
  }

  @Test
  void createExpressService_failsWhileTheRoleIsStillPropagating() {
    ecs.createCluster(b -> b.clusterName(CLUSTER));
    cloud.roles.put(INFRA_ROLE, clock.now.minusSeconds(1));
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> ecs.createExpressGatewayService(create(allowedHosts("x"))));
    assertTrue(e.getMessage().contains(INFRA_ROLE), e.getMessage());
    clock.now = clock.now.plus(EcsRig.IAM);
    assertEquals(SERVICE, ecs.createExpressGatewayService(create(allowedHosts("x"))).service().serviceName());
  }

  @Test
  void taskDefinitionCleanup_deregistersAndDeletesInBatchesOfTen() {
    ecs.createCluster(b -> b.clusterName(CLUSTER));
    String arn = ecs.createExpressGatewayService(create(allowedHosts("x"))).service().serviceArn();
    for (int i = 2; i <= 12; i++) {
      String image = "img:" + i;
      ecs.updateExpressGatewayService(b -> b.serviceArn(arn).primaryContainer(container(image, allowedHosts("x"))));
    }
    List<String> active = new ArrayList<>();
    ecs.listTaskDefinitionsPaginator(b -> b.familyPrefix(FAMILY).status(TaskDefinitionStatus.ACTIVE).maxResults(5))
        .taskDefinitionArns().forEach(active::add);
    assertEquals(12, active.size());

    active.forEach(td -> assertEquals(TaskDefinitionStatus.INACTIVE,
        ecs.deregisterTaskDefinition(b -> b.taskDefinition(td)).taskDefinition().status()));
    for (int from = 0; from < active.size(); from += 10) {
      List<String> batch = active.subList(from, Math.min(active.size(), from + 10));
      var result = ecs.deleteTaskDefinitions(b -> b.taskDefinitions(batch));
      assertEquals(List.of(), result.failures());
      assertEquals(batch.size(), result.taskDefinitions().size());
      assertEquals(TaskDefinitionStatus.DELETE_IN_PROGRESS, result.taskDefinitions().get(0).status());
    }
    assertThrows(InvalidParameterException.class, () -> ecs.deleteTaskDefinitions(b -> b.taskDefinitions(active)));
    clock.now = clock.now.plus(EcsRig.DRAIN);
    assertEquals(List.of(), ecs.listTaskDefinitions(b -> b.familyPrefix(FAMILY).status(TaskDefinitionStatus.DELETE_IN_PROGRESS))
        .taskDefinitionArns());
  }

  @Test
  void health_answersOverHttpThroughTheEmulator() throws Exception {
    ecs.createCluster(b -> b.clusterName(CLUSTER));
    String arn = ecs.createExpressGatewayService(create(allowedHosts("localhost:*"))).service().serviceArn();
    String host = endpointOnceActive(arn);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health = http.send(
        HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/_emulator/endpoints/" + host + "/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\"}", health.body());

    HttpRequest initialize =
        HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/_emulator/endpoints/" + host + "/mcp"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}"))
            .build();
    assertEquals(421, http.send(initialize, HttpResponse.BodyHandlers.ofString()).statusCode());

    ecs.updateExpressGatewayService(b -> b.serviceArn(arn).primaryContainer(container("img:1", allowedHosts(host + ",localhost:*"))));
    clock.now = clock.now.plus(EcsRig.UPDATE);
    HttpResponse<String> ok = http.send(initialize, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode());
    assertTrue(ok.body().contains("\"serverInfo\""), ok.body());
    assertTrue(rawGet(host, "/health").startsWith("HTTP/1.1 200"), "routed by the Host header too");

    cloud.secrets.put(SECRET_ARN, Map.of("ZSCALER_CLIENT_ID", "id"));
    assertEquals(503, http.send(
        HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/_emulator/endpoints/" + host + "/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  // ---- helpers ----------------------------------------------------------------------------

  private String endpointOnceActive(String arn) {
    clock.now = clock.now.plus(EcsRig.ACTIVATE);
    return last(describe(arn)).ingressPaths().get(0).endpoint();
  }

  /** java.net.http will not set Host, so speak HTTP/1.1 by hand for the Host-routed form. */
  private String rawGet(String host, String path) throws IOException {
    try (Socket socket = new Socket(emulator.endpoint().getHost(), emulator.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ECSExpressGatewayService describe(String arn) {
    return ecs.describeExpressGatewayService(b -> b.serviceArn(arn)).service();
  }

  private static ExpressGatewayServiceConfiguration last(ECSExpressGatewayService s) {
    return s.activeConfigurations().get(s.activeConfigurations().size() - 1);
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static List<KeyValuePair> allowedHosts(String hosts) {
    return List.of(
        env("ZSCALER_MCP_TRANSPORT", "streamable-http"), env("ZSCALER_MCP_HOST", "0.0.0.0"),
        env("ZSCALER_MCP_PORT", "8000"), env("ZSCALER_MCP_ALLOWED_HOSTS", hosts));
  }

  private static KeyValuePair env(String name, String value) {
    return KeyValuePair.builder().name(name).value(value).build();
  }

  private static ExpressGatewayContainer container(String image, List<KeyValuePair> environment) {
    return ExpressGatewayContainer.builder()
        .image(image)
        .containerPort(8000)
        .awsLogsConfiguration(b -> b.logGroup("/ecs/zscaler-mcp").logStreamPrefix("mcp"))
        .environment(environment)
        .secrets(
            Secret.builder().name("ZSCALER_CLIENT_ID").valueFrom(SECRET_ARN + ":ZSCALER_CLIENT_ID::").build(),
            Secret.builder().name("ZSCALER_CLIENT_SECRET").valueFrom(SECRET_ARN + ":ZSCALER_CLIENT_SECRET::").build())
        .build();
  }

  private static CreateExpressGatewayServiceRequest create(List<KeyValuePair> environment) {
    return CreateExpressGatewayServiceRequest.builder()
        .executionRoleArn(EXEC_ROLE)
        .infrastructureRoleArn(INFRA_ROLE)
        .serviceName(SERVICE)
        .cluster(CLUSTER)
        .healthCheckPath("/health")
        .primaryContainer(container("img:1", environment))
        .cpu("1024")
        .memory("2048")
        .tags(tag("managed-by", "zscaler-mcp-harness"))
        .build();
  }
}
