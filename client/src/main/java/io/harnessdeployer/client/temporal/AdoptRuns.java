package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.workflows.adopt.AdoptReport;
import io.harnessdeployer.workflows.adopt.AdoptRequest;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one adopt run to its report: seconds of describes (and tags), so there is no progress table. */
public final class AdoptRuns {
  private final Deployments deployments;
  private final Duration pollInterval;

  public AdoptRuns(Deployments deployments, Duration pollInterval) {
    this.deployments = deployments;
    this.pollInterval = pollInterval;
  }

  public AdoptReport run(AdoptRequest request) {
    Started started = deployments.startAdopt(request);
    WorkflowStub stub = deployments.adoptStub(started.workflowId(), started.runId());
    while (true) {
      try {
        return stub.getResult(pollInterval.toMillis(), TimeUnit.MILLISECONDS, AdoptReport.class);
      } catch (TimeoutException stillRunning) {
        // a long-poll per interval keeps the CLI responsive to Ctrl-C
      } catch (WorkflowFailedException e) {
        throw CliException.failed("the adopt of " + request.key() + " ended " + RunEnds.status(e) + ": "
            + reason(e)
            + " (workflow " + started.workflowId() + ", run " + started.runId() + ")");
      } catch (RuntimeException e) {
        throw TemporalErrors.translate(e, deployments.connection());
      }
    }
  }

  /** The innermost application failure's own words (a refused tag, AccessDenied), else how the run ended. */
  private static String reason(WorkflowFailedException e) {
    String message = null;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        message = (af.getType() == null ? "" : af.getType() + ": ") + af.getOriginalMessage();
      }
    }
    return message != null ? message : RunEnds.message(e,
        "it was cancelled; what it tagged stays tagged, run adopt again",
        "it was terminated; what it tagged stays tagged, run adopt again");
  }
}
