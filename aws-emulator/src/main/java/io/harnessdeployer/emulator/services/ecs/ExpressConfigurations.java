package io.harnessdeployer.emulator.services.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code ExpressGatewayServiceConfiguration} values from create and update requests, and the
 * task definition ECS registers for each of them.
 */
final class ExpressConfigurations {
  /** Members a create or update may set, in model order; the rest are filled by ECS. */
  private static final List<String> SETTABLE =
      List.of("executionRoleArn", "taskRoleArn", "cpu", "memory", "networkConfiguration", "healthCheckPath",
          "primaryContainer", "scalingTarget");

  private ExpressConfigurations() {}

  /** The first configuration: the request over ECS's defaults. */
  static Map<String, Object> forCreate(Map<String, Object> in) {
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("cpu", EcsDefaults.CPU);
    base.put("memory", EcsDefaults.MEMORY);
    base.put("healthCheckPath", EcsDefaults.HEALTH_CHECK_PATH);
    base.put(
        "scalingTarget",
        Map.of(
            "minTaskCount", EcsDefaults.MIN_TASKS,
            "maxTaskCount", EcsDefaults.MAX_TASKS,
            "autoScalingMetric", EcsDefaults.SCALING_METRIC,
            "autoScalingTargetValue", EcsDefaults.SCALING_TARGET_VALUE));
    return merge(base, in);
  }

  /** An update changes only what it names; {@code primaryContainer} is replaced as a whole. */
  static Map<String, Object> merge(Map<String, Object> previous, Map<String, Object> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String member : SETTABLE) {
      Object v = in.containsKey(member) ? in.get(member) : previous.get(member);
      if (member.equals("primaryContainer") && v != null) v = withContainerDefaults(cast(v));
      if (v != null) out.put(member, v);
    }
    return out;
  }

  private static Map<String, Object> withContainerDefaults(Map<String, Object> container) {
    Map<String, Object> out = new LinkedHashMap<>(container);
    out.putIfAbsent("containerPort", EcsDefaults.CONTAINER_PORT);
    return out;
  }

  /** The body of the task definition ECS registers for a configuration. */
  static Map<String, Object> taskDefinitionBody(
      String arn, String family, int revision, Map<String, Object> configuration, String region) {
    Map<String, Object> container = cast(configuration.get("primaryContainer"));
    Map<String, Object> main = new LinkedHashMap<>();
    main.put("name", EcsDefaults.MAIN_CONTAINER);
    main.put("image", container.get("image"));
    main.put("cpu", 0);
    int port = ((Number) container.get("containerPort")).intValue();
    main.put("portMappings", List.of(Map.of("containerPort", port, "hostPort", port, "protocol", "tcp")));
    main.put("essential", true);
    if (container.containsKey("command")) main.put("command", container.get("command"));
    main.put("environment", container.getOrDefault("environment", List.of()));
    if (container.containsKey("secrets")) main.put("secrets", container.get("secrets"));
    if (container.containsKey("repositoryCredentials")) {
      main.put("repositoryCredentials", container.get("repositoryCredentials"));
    }
    Map<String, Object> logs = cast(container.get("awsLogsConfiguration"));
    if (logs != null) {
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("awslogs-group", logs.get("logGroup"));
      options.put("awslogs-region", region);
      options.put("awslogs-stream-prefix", logs.get("logStreamPrefix"));
      main.put("logConfiguration", Map.of("logDriver", "awslogs", "options", options));
    }
    Map<String, Object> td = new LinkedHashMap<>();
    td.put("taskDefinitionArn", arn);
    td.put("family", family);
    td.put("revision", revision);
    td.put("containerDefinitions", List.of(main));
    if (configuration.containsKey("executionRoleArn")) td.put("executionRoleArn", configuration.get("executionRoleArn"));
    if (configuration.containsKey("taskRoleArn")) td.put("taskRoleArn", configuration.get("taskRoleArn"));
    td.put("networkMode", "awsvpc");
    td.put("requiresCompatibilities", List.of("FARGATE"));
    td.put("compatibilities", List.of("EC2", "FARGATE"));
    td.put("cpu", configuration.get("cpu"));
    td.put("memory", configuration.get("memory"));
    return td;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }
}
