package io.harnessdeployer.workflows.plan;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployRequestCheck;
import io.harnessdeployer.workflows.graph.Walked;
import io.harnessdeployer.workflows.topology.LiveWalk;
import io.harnessdeployer.workflows.topology.Topologies;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** The drift check's walk ({@link LiveWalk}) read as what a deploy would do. Describes and STS only. */
public class PlanWorkflowImpl implements PlanWorkflow {
  @Override
  public PlanReport plan(DeployRequest request) {
    DeployRequest req = DeployRequestCheck.withDefaults(request);
    DeployRequestCheck.validate(req, false);
    List<PlannedResource> out = new ArrayList<>();
    List<Walked> walked = LiveWalk.of(req);
    Map<String, Walked> byId = new HashMap<>();
    walked.forEach(w -> byId.put(w.id(), w));
    for (Walked w : walked) {
      if (!w.checkable()) {
        continue;
      }
      if (w.observed() == null) {
        // its describe, or one it needs, failed: what a deploy would do is unknown
        throw ApplicationFailure.newNonRetryableFailure("plan of " + w.id() + ": " + w.reason(), w.failureType());
      }
      Walked holder = byId.get(Topologies.tagsHeldBy(req.topology(), w.id()));
      out.add(Plan.of(req, w, holder == null || holder.observed() == null ? w.observed().tags() : holder.observed().tags()));
    }
    return new PlanReport(req.deploymentName(), req.region(), out);
  }
}
