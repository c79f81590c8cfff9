package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.Map;
import java.util.TreeMap;

/** The parts every resource's desired state shares, in the shape of {@code Observed#comparable()}. */
final class DesiredState {
  private DesiredState() {}

  /**
   * {@code properties} plus the tags every resource this deployment creates carries; the run tag is
   * left out, as it is from what a describe saw (which run made it is history).
   */
  static Map<String, Object> of(Scope scope, String status, Map<String, Object> properties) {
    return with(scope.tags(), status, properties);
  }

  /** For the gateway topology's own resources: they also carry {@code topology=gateway} (spec §3 "std+gw"). */
  static Map<String, Object> gateway(Scope scope, String status, Map<String, Object> properties) {
    return with(scope.gatewayTags(), status, properties);
  }

  private static Map<String, Object> with(Map<String, String> ourTags, String status, Map<String, Object> properties) {
    Map<String, Object> out = new TreeMap<>(properties); // sorted: the same on every worker
    if (status != null) {
      out.put("status", status);
    }
    Map<String, Object> tags = new TreeMap<>(ourTags);
    tags.remove(Names.TAG_RUN);
    out.put("tags", tags);
    return out;
  }

  /** For what this deployment never tags (a bring-your-own secret): its tags are not compared. */
  static Map<String, Object> untagged(Map<String, Object> properties) {
    return new TreeMap<>(properties);
  }

  /** For what has no tags of its own (a pool's parts, a gateway's target): the container's are compared there. */
  static Map<String, Object> untagged(String status, Map<String, Object> properties) {
    Map<String, Object> out = new TreeMap<>(properties);
    if (status != null) {
      out.put("status", status);
    }
    return out;
  }
}
