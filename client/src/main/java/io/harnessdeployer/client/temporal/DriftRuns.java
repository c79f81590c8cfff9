package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.harnessdeployer.workflows.plan.PlanReport;
import io.harnessdeployer.workflows.plan.PlanWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read-only runs the CLI waits on: a drift check now ({@link DriftIds#checkId}) and a plan
 * ({@link PlanWorkflow#workflowId}). Each joins the run already open on its id; neither blocks a
 * deploy, whose id is another.
 */
public final class DriftRuns {
  private final TemporalConnection conn;
  private final WorkflowClient client;

  public DriftRuns(TemporalConnection conn) {
    this.conn = conn;
    this.client = conn.client();
  }

  public Started startCheck(DriftRequest request) {
    DeploymentKey key = request.deploy().key();
    return start(key, DriftIds.checkId(key), "drift check " + key, RunMemo.of(request.deploy().expectedAccount()),
        o -> WorkflowClient.start(client.newWorkflowStub(DriftCheckWorkflow.class, o)::check, request));
  }

  public Started startPlan(DeployRequest request) {
    DeploymentKey key = request.key();
    return start(key, PlanWorkflow.workflowId(key), "plan " + key, RunMemo.of(request.expectedAccount()),
        o -> WorkflowClient.start(client.newWorkflowStub(PlanWorkflow.class, o)::plan, request));
  }

  public DriftReport check(Started s) {
    return result(s, DriftReport.class, "drift check");
  }

  public PlanReport plan(Started s) {
    return result(s, PlanReport.class, "plan");
  }

  private Started start(DeploymentKey key, String id, String summary, java.util.Map<String, Object> memo, Function<WorkflowOptions, WorkflowExecution> start) {
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY)
        .setWorkflowId(id)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setStaticSummary(summary)
        .setMemo(memo)
        .build();
    try {
      Optional<String> before = openRun(id);
      WorkflowExecution run = start.apply(options);
      boolean attached = before.map(run.getRunId()::equals).orElse(false);
      return new Started(key.toString(), run.getWorkflowId(), run.getRunId(), attached, null);
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
  }

  private <T> T result(Started s, Class<T> type, String what) {
    try {
      return client.newUntypedWorkflowStub(s.workflowId(), Optional.of(s.runId()), Optional.empty()).getResult(type);
    } catch (WorkflowFailedException e) {
      String why = RunEnds.message(e, "it was cancelled", "it was terminated");
      throw CliException.failed("the " + what + " of " + s.deployment() + " ended " + RunEnds.status(e) + ": "
          + OneLine.of(String.valueOf(why), 160) + " (workflow " + s.workflowId() + ", run " + s.runId() + ")");
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
  }

  private Optional<String> openRun(String id) {
    try {
      WorkflowExecutionDescription d = client.newUntypedWorkflowStub(id).describe();
      return d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? Optional.of(d.getExecution().getRunId()) : Optional.empty();
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      if (Deployments.notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
