package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.graph.NotRecallable;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.ResourceRef;

/** Recalls shared by the resources known by name and ARN (roles, cluster, log group, provider). */
final class Recalls {
  private Recalls() {}

  /** The {@link ResourceRef} its ensure returns, from its own describe's {@code name} and {@code arn}. */
  static ResourceRef ref(Step step, String name) {
    Observed self = step.observed(step.id());
    String arn = string(self, "arn");
    if (arn == null) {
      throw new NotRecallable("shows no ARN");
    }
    String live = string(self, "name");
    return new ResourceRef(live == null ? name : live, arn, null);
  }

  static String string(Observed o, String key) {
    Object v = o == null ? null : o.properties().get(key);
    return v instanceof String s && !s.isBlank() ? s : null;
  }
}
