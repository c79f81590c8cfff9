package io.harnessdeployer.activities.ecs;

import io.harnessdeployer.workflows.common.ContainerEnv;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.AccessType;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.IngressPathSummary;

/** Reading an Express service descriptor (spec §8e-1, §9.8). */
final class ExpressViews {
  private ExpressViews() {}

  /** ACTIVE, DRAINING, INACTIVE, or PROVISIONING while ECS reports no status code yet. */
  static String status(ECSExpressGatewayService s) {
    if (s.status() == null || s.status().statusCodeAsString() == null) {
      return "PROVISIONING";
    }
    return s.status().statusCodeAsString();
  }

  static String statusReason(ECSExpressGatewayService s) {
    return s.status() == null ? null : s.status().statusReason();
  }

  /** The last active configuration, which is the one serving; null when there is none. */
  static ExpressGatewayServiceConfiguration live(ECSExpressGatewayService s) {
    List<ExpressGatewayServiceConfiguration> c = s.hasActiveConfigurations() ? s.activeConfigurations() : List.of();
    return c.isEmpty() ? null : c.get(c.size() - 1);
  }

  /** The bare host of the PUBLIC ingress path of the live configuration, or null (§9.8). */
  static String publicEndpoint(ECSExpressGatewayService s) {
    ExpressGatewayServiceConfiguration live = live(s);
    if (live == null || !live.hasIngressPaths()) {
      return null;
    }
    for (IngressPathSummary path : live.ingressPaths()) {
      if (path.accessType() == AccessType.PUBLIC && path.endpoint() != null && !path.endpoint().isBlank()) {
        return ContainerEnv.hostOf(path.endpoint());
      }
    }
    return null;
  }

  /**
   * True when the newest deployment is the one serving. ECS names it in {@code currentDeployment};
   * when that is a service-revision ARN it must be the live configuration's, otherwise (another ARN
   * form) a single active configuration means no blue/green shift is in flight.
   */
  static boolean rolledOut(ECSExpressGatewayService s) {
    ExpressGatewayServiceConfiguration live = live(s);
    if (live == null) {
      return false;
    }
    String current = s.currentDeployment();
    if (current != null && current.contains(":service-revision/")) {
      return current.equals(live.serviceRevisionArn());
    }
    return s.activeConfigurations().size() == 1;
  }
}
