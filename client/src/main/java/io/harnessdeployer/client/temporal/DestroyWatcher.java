package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.workflows.destroy.DestroyProgress;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.harnessdeployer.workflows.progress.StepState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows one destroy run to its end, like {@link DeployWatcher}: a long-poll on the result with a
 * short timeout, and between polls a progress query and a redraw.
 */
public final class DestroyWatcher {
  private final Deployments deployments;
  private final ProgressRenderer renderer;
  private final Clock clock;
  private final Duration pollInterval;

  public DestroyWatcher(Deployments deployments, ProgressRenderer renderer, Clock clock, Duration pollInterval) {
    this.deployments = deployments;
    this.renderer = renderer;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  public DestroyResult watch(String deployment, String workflowId, String runId) {
    WorkflowStub stub = deployments.destroyStub(workflowId, runId);
    DestroyWorkflow typed = deployments.typedDestroy(workflowId, runId);
    DestroyProgress last = null;
    while (true) {
      try {
        DestroyReport report = stub.getResult(pollInterval.toMillis(), TimeUnit.MILLISECONDS, DestroyReport.class);
        last = query(typed).orElse(last);
        render(last, workflowId, runId);
        return new DestroyResult(deployment, workflowId, runId, report.status().name(), report, null, steps(last));
      } catch (TimeoutException stillRunning) {
        Optional<DestroyProgress> now = query(typed);
        if (now.isPresent()) {
          last = now.get();
          render(last, workflowId, runId);
        }
      } catch (WorkflowFailedException e) {
        last = query(typed).orElse(last);
        render(last, workflowId, runId);
        return new DestroyResult(deployment, workflowId, runId, RunEnds.status(e), null, failureMessage(e), steps(last));
      } catch (RuntimeException e) {
        throw TemporalErrors.translate(e, deployments.connection());
      }
    }
  }

  private Optional<DestroyProgress> query(DestroyWorkflow typed) {
    return RunEnds.progress(typed::progress, deployments.connection());
  }

  private void render(DestroyProgress p, String workflowId, String runId) {
    if (p != null) {
      renderer.render(ProgressRows.of(p, RunEnds.calls(p.steps(), deployments.connection(), workflowId, runId),
          clock.millis()));
    }
  }

  private static List<StepState> steps(DestroyProgress p) {
    return p == null ? List.of() : p.steps();
  }

  private static String failureMessage(WorkflowFailedException e) {
    return RunEnds.message(e,
        "the destroy was cancelled; what it deleted stays deleted, run destroy again to finish",
        "the destroy workflow was terminated; run destroy again to finish");
  }
}
