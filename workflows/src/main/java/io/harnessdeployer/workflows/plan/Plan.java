package io.harnessdeployer.workflows.plan;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.Walked;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.List;
import java.util.Map;

/** One walked resource read as what a deploy would do to it, by its kind's ownership rule. Pure. */
final class Plan {
  private Plan() {}

  static PlannedResource of(DeployRequest req, Walked w) {
    return w.missing() ? of(req, w, Map.of()) : of(req, w, w.observed().tags());
  }

  /** @param tags the tags ownership is judged by: its own, or its container's for what has none (a pool's parts) */
  static PlannedResource of(DeployRequest req, Walked w, Map<String, String> tags) {
    Node n = w.node();
    if (w.missing()) {
      return planned(n, PlanAction.CREATE, List.of(), null);
    }
    Scope scope = new Scope(req.key(), "plan");
    OwnershipClaim claim = n.claim();
    boolean ours = scope.ownsDeployment(tags);
    if (!ours && (claim == null || !claim.mayAdopt(scope, tags))) {
      String owner = tags.get(Names.TAG_DEPLOYMENT);
      String flag = claim == null ? "" : "; rename it with " + claim.kind().nameFlag();
      return planned(n, PlanAction.CONFLICT, List.of(), (owner == null
          ? "exists without this deployment's tag, and a " + n.kind() + " is only ever its own deployment's"
          : "tagged for deployment " + owner) + flag);
    }
    if (w.reason() != null) {
      return planned(n, ours ? PlanAction.UPDATE : PlanAction.ADOPT, List.of(), w.blockedBy() + " is created first");
    }
    if (!ours) {
      // adopted as it is: never tagged, so only what else differs would change
      List<PropertyDiff> changes = w.diffs().stream()
          .filter(d -> !d.path().equals("tags") && !d.path().startsWith("tags.")).toList();
      return planned(n, PlanAction.ADOPT, changes, "exists without a deployment tag; adopted as it is");
    }
    return w.diffs().isEmpty() ? planned(n, PlanAction.NO_OP, List.of(), null)
        : planned(n, PlanAction.UPDATE, w.diffs(), null);
  }

  private static PlannedResource planned(Node n, PlanAction action, List<PropertyDiff> changes, String reason) {
    return new PlannedResource(n.id(), n.title(), n.kind(), n.name(), action, changes, reason);
  }
}
