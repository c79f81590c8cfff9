package io.harnessdeployer.workflows.drift;

import io.harnessdeployer.workflows.graph.PropertyDiff;
import java.util.List;

/**
 * One resource of the graph as a drift check found it.
 *
 * @param id the graph node id ({@code secret}, {@code service} …)
 * @param differences empty unless MODIFIED; never a secret value (a secret shows its version)
 * @param reason why NOT_CHECKED, or a short note; null otherwise
 */
public record ResourceDrift(
    String id, String title, String kind, String name, ResourceStatus status,
    List<PropertyDiff> differences, String reason) {
  public ResourceDrift {
    differences = differences == null ? List.of() : List.copyOf(differences);
  }

  public boolean drifted() {
    return status == ResourceStatus.MODIFIED || status == ResourceStatus.DELETED;
  }
}
