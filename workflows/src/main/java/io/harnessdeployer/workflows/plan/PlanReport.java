package io.harnessdeployer.workflows.plan;

import java.util.List;

/** What a deploy with these settings would do, per resource of the graph, in graph order. */
public record PlanReport(String deployment, String region, List<PlannedResource> resources) {
  public PlanReport {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** Whether a deploy would write anything. */
  public boolean changes() {
    return resources.stream().anyMatch(r -> r.action() != PlanAction.NO_OP);
  }

  public boolean conflicts() {
    return resources.stream().anyMatch(r -> r.action() == PlanAction.CONFLICT);
  }
}
