package io.harnessdeployer.workflows.drift;

import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployRequestCheck;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.topology.LiveWalk;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * Drift check over the deployment's graph ({@link LiveWalk}): describes and STS only, unless heal
 * runs the deploy saga as a child on the deployment's own workflow id, so it can never overlap a
 * deploy. With {@code every}, a timer loop standing in for a Schedule: check, wait, continue as new.
 */
public class DriftCheckWorkflowImpl implements DriftCheckWorkflow {
  private DriftReport last;
  private boolean unscheduled;

  @Override
  public DriftReport check(DriftRequest request) {
    DeployRequest req = DeployRequestCheck.withDefaults(request == null ? null : request.deploy());
    DeployRequestCheck.validate(req, request.heal());
    Workflow.upsertTypedSearchAttributes(SearchAttributes.DEPLOYMENT.valueSet(req.deploymentName()),
        SearchAttributes.REGION.valueSet(req.region()));
    List<ResourceDrift> found = DriftCheck.of(LiveWalk.of(req));
    Heal heal = request.heal() && found.stream().anyMatch(ResourceDrift::drifted) ? heal(req) : null;
    DriftReport report = new DriftReport(req.deploymentName(), req.region(),
        Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(), found, heal);
    last = report;
    Workflow.setCurrentDetails(DriftCheck.markdown(report));
    Workflow.upsertTypedSearchAttributes(SearchAttributes.DRIFT.valueSet(report.verdict()));
    if (!request.looping() || Workflow.await(request.every(), () -> unscheduled)) {
      return report;
    }
    Workflow.continueAsNew(request);
    return report; // not reached: continueAsNew ends this run
  }

  /** Runs the deploy saga and checks again; a deploy that fails (or cannot start) is reported, not thrown. */
  private Heal heal(DeployRequest req) {
    String id = req.key().workflowId();
    DeployWorkflow deploy = Workflow.newChildWorkflowStub(DeployWorkflow.class,
        ChildWorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.DEPLOY).build());
    Promise<DeploySummary> result = Async.function(deploy::deploy, req);
    String runId = null;
    try {
      WorkflowExecution started = Workflow.getWorkflowExecution(deploy).get();
      runId = started.getRunId();
      DeploySummary summary = result.get();
      List<String> changes = summary.resources().stream()
          .filter(r -> r.outcome() == Outcome.CREATED || r.outcome() == Outcome.UPDATED
              || r.outcome() == Outcome.RESTORED)
          .map(r -> r.step() + " " + r.outcome()).toList();
      return new Heal(id, runId, true, changes, null, DriftCheck.of(LiveWalk.of(req)));
    } catch (TemporalFailure e) {
      Throwable why = e instanceof ChildWorkflowFailure c && c.getCause() != null ? c.getCause() : e;
      return new Heal(id, runId, false, List.of(), Failures.describe(why), List.of());
    }
  }

  @Override
  public DriftReport lastReport() {
    return last;
  }

  @Override
  public void unschedule() {
    unscheduled = true;
  }
}
