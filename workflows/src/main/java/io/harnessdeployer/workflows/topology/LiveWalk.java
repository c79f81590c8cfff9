package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.ReadOnlyWalk;
import io.harnessdeployer.workflows.graph.Walked;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;

/** The read-only walk of a deployment's graph, as drift and plan both run it. Workflow code. */
public final class LiveWalk {
  private LiveWalk() {}

  /**
   * Walks the graph a deploy with {@code req} would run. Fails (non-retryably) when who-we-are
   * failed, an account mismatch say: every describe would then look at the wrong place.
   */
  public static List<Walked> of(DeployRequest req) {
    Scope scope = new Scope(req.key(), Workflow.getInfo().getRunId(), req.assumeRole());
    // no client token: it only makes a harness create idempotent, and nothing here creates
    List<Walked> walked = ReadOnlyWalk.of(Topologies.graph(Settings.forDeploy(req, scope, null)));
    for (Walked w : walked) {
      if (w.id().equals(EcsTopology.PREFLIGHT) && w.failure() != null) {
        throw ApplicationFailure.newNonRetryableFailure("who we are: " + w.failure(), w.failureType());
      }
    }
    return walked;
  }
}
