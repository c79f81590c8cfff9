package io.harnessdeployer.workflows.plan;

import io.harnessdeployer.workflows.graph.PropertyDiff;
import java.util.List;

/**
 * @param changes for UPDATE (and ADOPT), the properties that would change; never a secret value
 * @param reason a short why (a CONFLICT's owner, an UPDATE whose input is created first); or null
 */
public record PlannedResource(
    String id, String title, String kind, String name, PlanAction action, List<PropertyDiff> changes,
    String reason) {
  public PlannedResource {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
