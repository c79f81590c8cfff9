package io.harnessdeployer.emulator.protocol;

import static io.harnessdeployer.emulator.FakeHandler.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.FakeHandler;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.Emulator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/** awsJson1_1 through the real ECS, Logs and Secrets Manager clients, against test-only handlers. */
class AwsJson11CodecTest {
  static final Instant CREATED = Instant.parse("2025-03-04T05:06:07.250Z");
  static final AtomicReference<Map<String, Object>> lastInput = new AtomicReference<>();
  static Emulator emulator;
  static EcsClient ecs;
  static CloudWatchLogsClient logs;
  static SecretsManagerClient secrets;

  @BeforeAll
  static void start() {
    FakeHandler ecsFake = new FakeHandler("ecs")
        .on("CreateCluster", (ctx, in) -> {
          lastInput.set(in);
          return map("cluster", cluster((String) in.get("clusterName"), in.get("tags"), in.get("settings")));
        })
        .on("DescribeClusters", (ctx, in) -> map(
            "clusters", List.of(cluster("c1", List.of(), List.of())),
            "failures", List.of(map("arn", "arn:aws:ecs:us-east-1:123456789012:cluster/nope", "reason", "MISSING"))))
        .on("DescribeExpressGatewayService", (ctx, in) -> {
          throw AwsServiceError.of("ResourceNotFoundException", "Service not found: " + in.get("serviceArn"));
        });
    FakeHandler logsFake = new FakeHandler("logs")
        .on("DescribeLogGroups", (ctx, in) -> map("logGroups", List.of(map(
            "logGroupName", "/aws/x", "creationTime", 1_700_000_000_123L, "retentionInDays", 30,
            "arn", ctx.arn("logs", "log-group:/aws/x:*")))))
        .on("CreateLogGroup", (ctx, in) -> map());
    FakeHandler smFake = new FakeHandler("secretsmanager")
        .on("DescribeSecret", (ctx, in) -> map(
            "ARN", ctx.arn("secretsmanager", "secret:s-AbCdEf"), "Name", in.get("SecretId"), "CreatedDate", CREATED,
            "Tags", List.of(map("Key", "k", "Value", "v")),
            "VersionIdsToStages", map("v1", List.of("AWSCURRENT"))))
        .on("GetSecretValue", (ctx, in) -> {
          throw AwsServiceError.of("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        });
    emulator = Emulator.builder().handler(ecsFake).handler(logsFake).handler(smFake).build().start();
    ecs = Clients.of(EcsClient.builder(), emulator);
    logs = Clients.of(CloudWatchLogsClient.builder(), emulator);
    secrets = Clients.of(SecretsManagerClient.builder(), emulator);
  }

  static Map<String, Object> cluster(String name, Object tags, Object settings) {
    return map("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/" + name, "clusterName", name,
        "status", "ACTIVE", "registeredContainerInstancesCount", 0, "activeServicesCount", 2,
        "statistics", List.of(map("name", "runningEC2TasksCount", "value", "0")), "tags", tags, "settings", settings);
  }

  @AfterAll
  static void stop() {
    ecs.close();
    logs.close();
    secrets.close();
    emulator.close();
  }

  @Test
  void createCluster_roundTripsNestedLists() {
    Cluster c = ecs.createCluster(b -> b.clusterName("c1").tags(Tag.builder().key("k").value("v").build())
        .settings(ClusterSetting.builder().name("containerInsights").value("enabled").build())).cluster();

    assertEquals(List.of(map("key", "k", "value", "v")), lastInput.get().get("tags"));
    assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/c1", c.clusterArn());
    assertEquals(2, c.activeServicesCount());
    assertEquals("runningEC2TasksCount", c.statistics().get(0).name());
    assertEquals(List.of(Tag.builder().key("k").value("v").build()), c.tags());
    assertEquals("enabled", c.settings().get(0).value());
  }

  @Test
  void describeClusters_parsesClustersAndFailures() {
    DescribeClustersResponse r = ecs.describeClusters(b -> b.clusters("c1", "nope"));
    assertEquals("c1", r.clusters().get(0).clusterName());
    assertEquals("MISSING", r.failures().get(0).reason());
  }

  @Test
  void modeledError_isTypedWithStatus400() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
        () -> ecs.describeExpressGatewayService(b -> b.serviceArn("arn:aws:ecs:us-east-1:123456789012:service/c/s")));
    assertEquals(400, e.statusCode());
    assertTrue(e.awsErrorDetails().errorMessage().startsWith("Service not found"), e.getMessage());
  }

  @Test
  void epochMillisLongsAndRegionalArns() {
    LogGroup g = logs.describeLogGroups().logGroups().get(0);
    assertEquals(1_700_000_000_123L, g.creationTime());
    assertEquals(30, g.retentionInDays());
    assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:/aws/x:*", g.arn());
  }

  @Test
  void constraintViolation_isLogsInvalidParameterException() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> logs.createLogGroup(b -> b.logGroupName("bad name!")));
    assertEquals(400, e.statusCode());
    assertTrue(e.getMessage().contains("at 'logGroupName' failed to satisfy constraint"), e.getMessage());
  }

  @Test
  void secretsManager_timestampsMapsOfListsAndCapitalMessage() {
    DescribeSecretResponse d = secrets.describeSecret(b -> b.secretId("s"));
    assertEquals(CREATED, d.createdDate());
    assertEquals(Map.of("v1", List.of("AWSCURRENT")), d.versionIdsToStages());
    assertEquals("k", d.tags().get(0).key());

    var e = assertThrows(software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException.class,
        () -> secrets.getSecretValue(b -> b.secretId("s")));
    assertEquals("Secrets Manager can't find the specified secret.", e.awsErrorDetails().errorMessage());
  }
}
