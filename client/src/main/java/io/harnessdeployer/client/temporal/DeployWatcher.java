package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.progress.StepState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows one deploy run until it succeeds, fails or pauses for an operator. Waiting is a
 * long-poll on the result with a short timeout; between polls it queries progress and redraws.
 */
public final class DeployWatcher {
  private final Deployments deployments;
  private final ProgressRenderer renderer;
  private final Clock clock;
  private final Duration pollInterval;

  public DeployWatcher(Deployments deployments, ProgressRenderer renderer, Clock clock, Duration pollInterval) {
    this.deployments = deployments;
    this.renderer = renderer;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  public DeployResult watch(String deployment, String workflowId, String runId) {
    WorkflowStub stub = deployments.stub(workflowId, runId);
    DeployWorkflow typed = deployments.typed(workflowId, runId);
    DeployProgress last = null;
    while (true) {
      try {
        DeploySummary summary = stub.getResult(pollInterval.toMillis(), TimeUnit.MILLISECONDS, DeploySummary.class);
        last = query(typed).orElse(last);
        render(last, workflowId, runId);
        return result(deployment, workflowId, runId, DeployStatus.SUCCEEDED.name(), summary, last, null);
      } catch (TimeoutException stillRunning) {
        Optional<DeployProgress> now = query(typed);
        if (now.isPresent()) {
          last = now.get();
          render(last, workflowId, runId);
          if (last.status() == DeployStatus.PAUSED) {
            return result(deployment, workflowId, runId, DeployStatus.PAUSED.name(), null, last, pausedBecause(last));
          }
        }
      } catch (WorkflowFailedException e) {
        last = query(typed).orElse(last);
        render(last, workflowId, runId);
        return result(deployment, workflowId, runId, endStatus(e), null, last, failureMessage(e));
      } catch (RuntimeException e) {
        throw TemporalErrors.translate(e, deployments.connection());
      }
    }
  }

  /** A warning when no worker polls the deploy task queue, or empty (also when unknown). */
  public Optional<String> workerWarning() {
    return deployments.workerWarning("deploy");
  }

  private Optional<DeployProgress> query(DeployWorkflow typed) {
    return RunEnds.progress(typed::progress, deployments.connection());
  }

  private void render(DeployProgress p, String workflowId, String runId) {
    if (p != null) {
      renderer.render(ProgressRows.of(p, RunEnds.calls(p.steps(), deployments.connection(), workflowId, runId),
          clock.millis()));
    }
  }

  /** The paused step's own error: the deploy's line repeats the step id the report already names. */
  private static String pausedBecause(DeployProgress p) {
    return FailedSteps.of(p).map(StepState::lastError).orElse(p.lastError());
  }

  private static DeployResult result(String deployment, String workflowId, String runId, String status,
      DeploySummary summary, DeployProgress p, String error) {
    String failedStep = null;
    List<StepState> steps = List.of();
    List<String> compensationFailures = List.of();
    if (p != null) {
      steps = p.steps();
      compensationFailures = p.compensationFailures() == null ? List.of() : p.compensationFailures();
      failedStep = summary == null ? FailedSteps.of(p).map(StepState::id).orElse(null) : null;
    }
    return new DeployResult(deployment, workflowId, runId, status, summary, failedStep, error, compensationFailures, steps);
  }

  private static String endStatus(WorkflowFailedException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure af) {
      switch (af.getType()) {
        case FailureTypes.ROLLED_BACK: return DeployStatus.ROLLED_BACK.name();
        case FailureTypes.ROLLBACK_INCOMPLETE: return DeployStatus.ROLLBACK_INCOMPLETE.name();
        case FailureTypes.ABANDONED: return DeployStatus.ABANDONED.name();
        default: break;
      }
    }
    return RunEnds.status(e);
  }

  private static String failureMessage(WorkflowFailedException e) {
    return RunEnds.message(e, "the deploy was cancelled", "the deploy workflow was terminated");
  }
}
