package io.harnessdeployer.emulator.services.ecs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders state as the model's output shapes. */
final class EcsViews {
  private EcsViews() {}

  static Map<String, Object> cluster(EcsCluster c, int activeServices, boolean tags, boolean settings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clusterArn", c.arn);
    out.put("clusterName", c.name);
    out.put("status", c.status);
    out.put("registeredContainerInstancesCount", 0);
    out.put("runningTasksCount", 0);
    out.put("pendingTasksCount", 0);
    out.put("activeServicesCount", activeServices);
    out.put("statistics", List.of());
    if (tags) out.put("tags", Tags.toList(c.tags));
    if (settings) out.put("settings", List.of(Map.of("name", "containerInsights", "value", "disabled")));
    out.put("capacityProviders", List.of());
    out.put("defaultCapacityProviderStrategy", List.of());
    return out;
  }

  /** {@code ECSExpressGatewayService} as of {@code now}; {@code statusCode} overrides the clock. */
  static Map<String, Object> service(ExpressService s, Instant now, boolean tags, String statusCode) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cluster", s.clusterArn);
    out.put("serviceName", s.name);
    out.put("serviceArn", s.arn);
    out.put("infrastructureRoleArn", s.infrastructureRoleArn);
    out.put("status", status(statusCode));
    out.put("currentDeployment", s.latest().arn());
    boolean inactive = ExpressService.INACTIVE.equals(statusCode);
    out.put("activeConfigurations", inactive ? List.of() : List.of(configuration(s, s.serving(now), now)));
    if (tags) out.put("tags", Tags.toList(s.tags));
    out.put("createdAt", s.createdAt);
    out.put("updatedAt", s.updatedAt);
    return out;
  }

  /** {@code UpdatedExpressGatewayService}: the configuration being rolled out. */
  static Map<String, Object> updated(ExpressService s, ServiceRevision target, Instant now) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("serviceArn", s.arn);
    out.put("cluster", s.clusterArn);
    out.put("serviceName", s.name);
    out.put("status", status(s.statusCode(now)));
    out.put("targetConfiguration", configuration(s, target, now));
    out.put("createdAt", s.createdAt);
    out.put("updatedAt", s.updatedAt);
    return out;
  }

  static Map<String, Object> configuration(ExpressService s, ServiceRevision r, Instant now) {
    Map<String, Object> out = new LinkedHashMap<>(r.configuration());
    if (s.reachable(now)) {
      out.put("ingressPaths", List.of(Map.of("accessType", "PUBLIC", "endpoint", s.endpointHost)));
    }
    out.put("createdAt", r.createdAt());
    return out;
  }

  private static Map<String, Object> status(String statusCode) {
    Map<String, Object> status = new LinkedHashMap<>();
    if (statusCode != null) status.put("statusCode", statusCode);
    return status;
  }

  static Map<String, Object> taskDefinition(EcsTaskDefinition td) {
    Map<String, Object> out = new LinkedHashMap<>(td.body);
    out.put("status", td.status);
    out.put("registeredAt", td.registeredAt);
    if (td.deregisteredAt != null) out.put("deregisteredAt", td.deregisteredAt);
    if (td.deleteRequestedAt != null) out.put("deleteRequestedAt", td.deleteRequestedAt);
    return out;
  }

  static Map<String, Object> failure(String arn, String reason) {
    return Map.of("arn", arn, "reason", reason);
  }
}
