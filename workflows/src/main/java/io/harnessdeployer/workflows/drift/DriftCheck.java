package io.harnessdeployer.workflows.drift;

import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.Walked;
import java.util.ArrayList;
import java.util.List;

/** The walk read in CloudFormation's drift words, and the report as a markdown table. Pure. */
final class DriftCheck {
  private DriftCheck() {}

  /** Every resource with a desired state, in graph order; checks and task definitions are not listed. */
  static List<ResourceDrift> of(List<Walked> walked) {
    List<ResourceDrift> out = new ArrayList<>();
    for (Walked w : walked) {
      if (!w.checkable()) {
        continue;
      }
      ResourceStatus status;
      List<PropertyDiff> diffs = List.of();
      String reason = null;
      if (w.missing()) {
        status = ResourceStatus.DELETED;
      } else if (!w.compared()) {
        status = ResourceStatus.NOT_CHECKED;
        reason = w.reason();
      } else if (!w.diffs().isEmpty()) {
        status = ResourceStatus.MODIFIED;
        diffs = w.diffs();
      } else {
        status = ResourceStatus.IN_SYNC;
      }
      out.add(new ResourceDrift(w.id(), w.node().title(), w.node().kind(), w.node().name(), status, diffs, reason));
    }
    return out;
  }

  /** The current details of a check: its summary and one row per resource (paths and kinds, no values). */
  static String markdown(DriftReport r) {
    StringBuilder b = new StringBuilder("**").append(r.summary()).append("** (")
        .append(r.deployment()).append(" in ").append(r.region()).append(", ").append(r.checkedAt()).append(")\n\n")
        .append("| resource | status | differences |\n|---|---|---|\n");
    for (ResourceDrift d : r.resources()) {
      String what = d.reason() != null ? d.reason()
          : String.join("; ", d.differences().stream().map(p -> p.path() + " " + p.kind()).toList());
      b.append("| ").append(d.id()).append(" | ").append(d.status()).append(" | ")
          .append(what.replace("|", "\\|")).append(" |\n");
    }
    if (r.heal() != null) {
      Heal h = r.heal();
      b.append("\nHeal: ").append(h.succeeded() ? "deploy " + h.deployRunId() + " changed "
          + (h.changes().isEmpty() ? "nothing" : String.join(", ", h.changes())) : "failed: " + h.error()).append('\n');
    }
    return b.toString();
  }
}
