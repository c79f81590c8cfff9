package io.harnessdeployer.emulator.services.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An EcsHandler driven directly, with a hand-moved clock and a fake IAM / Secrets Manager. */
final class EcsRig {
  static final String ACCOUNT = EmulatorSettings.DEFAULT_ACCOUNT;
  static final String REGION = "us-east-1";
  static final String INFRA_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/zscaler-mcp-ecs-infrastructure-role";
  static final String EXEC_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/zscaler-mcp-ecs-task-execution-role";
  static final String SECRET_ARN =
      "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:zscaler-mcp-harness/credentials-AbC123";
  static final Duration ACTIVATE = Duration.ofSeconds(20);
  static final Duration UPDATE = Duration.ofSeconds(10);
  static final Duration DRAIN = Duration.ofSeconds(15);
  static final Duration IAM = Duration.ofSeconds(5);

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-24T04:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** IAM roles by ARN with their creation time; secrets by ARN with their JSON (absent = deleted). */
  static final class FakeCloud implements CloudLookup {
    final Map<String, Instant> roles = new HashMap<>();
    final Map<String, Map<String, String>> secrets = new HashMap<>();
    /** {@code group|stream|line|createGroup} of each line a service logged. */
    final List<String> logged = new java.util.ArrayList<>();

    @Override
    public void writeLog(String accountId, String region, String group, String stream, Instant at, List<String> lines,
        boolean createGroup) {
      lines.forEach(l -> logged.add(accountId + "|" + region + "|" + group + "|" + stream + "|" + l + "|" + createGroup));
    }

    @Override
    public Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
      return accountId.equals(ACCOUNT) ? Optional.ofNullable(roles.get(roleArn)) : Optional.empty();
    }

    @Override
    public Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
      return Optional.ofNullable(secrets.get(secretId));
    }
  }

  final ManualClock clock = new ManualClock();
  final FakeCloud cloud = new FakeCloud();
  final EcsHandler ecs = new EcsHandler(cloud, clock);
  final EmulatorSettings settings =
      EmulatorSettings.defaults()
          .withClock(clock)
          .withLatency(
              LatencyProfile.instant()
                  .with("ecs.activate", ACTIVATE)
                  .with("ecs.update", UPDATE)
                  .with("ecs.drain", DRAIN)
                  .with("iam.propagation", IAM));
  private int requests;

  /** Both ECS roles exist and have propagated. */
  EcsRig withRoles() {
    cloud.roles.put(INFRA_ROLE, clock.now.minus(Duration.ofMinutes(5)));
    cloud.roles.put(EXEC_ROLE, clock.now.minus(Duration.ofMinutes(5)));
    return this;
  }

  void advance(Duration d) {
    clock.now = clock.now.plus(d);
  }

  Map<String, Object> call(String operation, Map<String, Object> input) {
    RequestContext ctx =
        new RequestContext("ecs", operation, ACCOUNT, REGION, "req-" + ++requests, clock.now, settings);
    return ecs.operations().get(operation).invoke(ctx, input);
  }

  AwsServiceError fails(String code, String operation, Map<String, Object> input) {
    AwsServiceError e = assertThrows(AwsServiceError.class, () -> call(operation, input));
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  // ---- request builders -------------------------------------------------------------------

  static Map<String, Object> in(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  static List<Object> tags(String... kv) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) out.add(Map.of("key", kv[i], "value", kv[i + 1]));
    return out;
  }

  static List<Object> env(String... kv) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) out.add(Map.of("name", kv[i], "value", kv[i + 1]));
    return out;
  }

  static List<Object> secrets(String... keys) {
    List<Object> out = new ArrayList<>();
    for (String k : keys) out.add(Map.of("name", k, "valueFrom", SECRET_ARN + ":" + k + "::"));
    return out;
  }

  /** The container the deployer sends (spec step 8e-2), with the given environment and secrets. */
  static Map<String, Object> container(String image, List<Object> environment, List<Object> secrets) {
    Map<String, Object> c =
        in(
            "image", image,
            "containerPort", 8000,
            "awsLogsConfiguration", Map.of("logGroup", "/ecs/zscaler-mcp", "logStreamPrefix", "mcp"),
            "environment", environment);
    if (!secrets.isEmpty()) c.put("secrets", secrets);
    return c;
  }

  static List<Object> serverEnv(String... extra) {
    List<Object> base =
        env("ZSCALER_MCP_TRANSPORT", "streamable-http", "ZSCALER_MCP_HOST", "0.0.0.0", "ZSCALER_MCP_PORT", "8000");
    List<Object> out = new ArrayList<>(base);
    out.addAll(env(extra));
    return out;
  }

  Map<String, Object> createCluster(String name) {
    return call("CreateCluster", in("clusterName", name, "tags", tags("managed-by", "zscaler-mcp-harness")));
  }

  /** CreateExpressGatewayService as the deployer sends it; returns the service. */
  Map<String, Object> createService(String cluster, String name, Map<String, Object> container) {
    return struct(
        call(
            "CreateExpressGatewayService",
            in(
                "executionRoleArn", EXEC_ROLE,
                "infrastructureRoleArn", INFRA_ROLE,
                "serviceName", name,
                "cluster", cluster,
                "healthCheckPath", "/health",
                "primaryContainer", container,
                "cpu", "1024",
                "memory", "2048",
                "tags", tags("managed-by", "zscaler-mcp-harness", "integration", "harness"))),
        "service");
  }

  Map<String, Object> describe(String serviceArn) {
    return struct(call("DescribeExpressGatewayService", in("serviceArn", serviceArn)), "service");
  }

  // ---- output readers ---------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static Map<String, Object> struct(Map<String, Object> m, String member) {
    return (Map<String, Object>) m.get(member);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> m, String member) {
    return (List<Map<String, Object>>) m.get(member);
  }

  static String statusCode(Map<String, Object> service) {
    return (String) struct(service, "status").get("statusCode");
  }

  /** The last of activeConfigurations, as the deployer reads it. */
  static Map<String, Object> lastConfiguration(Map<String, Object> service) {
    List<Map<String, Object>> configs = list(service, "activeConfigurations");
    return configs.get(configs.size() - 1);
  }

  /** The PUBLIC endpoint of the last active configuration, or null (spec §9.8). */
  static String publicEndpoint(Map<String, Object> service) {
    List<Map<String, Object>> configs = list(service, "activeConfigurations");
    if (configs.isEmpty()) return null;
    List<Map<String, Object>> paths = list(lastConfiguration(service), "ingressPaths");
    if (paths == null) return null;
    return paths.stream()
        .filter(p -> "PUBLIC".equals(p.get("accessType")))
        .map(p -> (String) p.get("endpoint"))
        .findFirst()
        .orElse(null);
  }
}
