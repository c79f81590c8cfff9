package io.harnessdeployer.activities.testing;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A gateway resource's desired state as a gateway node declares it ({@code GatewayShapes} plus the
 * gateway tags without the run tag, and the status where there is one), diffed with a describe.
 */
public final class GatewayDesired {
  private GatewayDesired() {}

  /** For what carries {@code Scope#gatewayTags()}. */
  public static List<PropertyDiff> drift(Scope scope, String status, Map<String, Object> properties, Observed seen) {
    Map<String, Object> desired = new TreeMap<>(properties);
    if (status != null) {
      desired.put("status", status);
    }
    Map<String, Object> tags = new TreeMap<>(scope.gatewayTags());
    tags.remove(Names.TAG_RUN);
    desired.put("tags", tags);
    return Compare.drift(desired, seen);
  }

  /** For the parts of a pool or gateway, which have no tags of their own. */
  public static List<PropertyDiff> untagged(String status, Map<String, Object> properties, Observed seen) {
    Map<String, Object> desired = new TreeMap<>(properties);
    if (status != null) {
      desired.put("status", status);
    }
    return Compare.drift(desired, seen);
  }
}
