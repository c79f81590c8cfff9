package io.harnessdeployer.client.temporal;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import io.harnessdeployer.client.temporal.StepCalls.StepCall;
import io.harnessdeployer.workflows.progress.StepState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What the deploy and destroy watchers share while following a run and when it ends. */
final class RunEnds {
  private RunEnds() {}

  /** A progress query; empty while no worker has answered yet, fatal only when Temporal is gone. */
  static <P> Optional<P> progress(Supplier<P> query, TemporalConnection conn) {
    try {
      return Optional.ofNullable(query.get());
    } catch (RuntimeException e) {
      if (TemporalErrors.unreachable(e, conn) != null) {
        throw TemporalErrors.translate(e, conn);
      }
      return Optional.empty(); // no worker yet, or the query raced the first workflow task
    }
  }

  /**
   * The retried calls of the running steps; asks Temporal only when a step waits on a call. Empty
   * when the describe fails for another reason than Temporal being gone: the progress still shows.
   */
  static Map<String, StepCall> calls(List<StepState> steps, TemporalConnection conn, String workflowId, String runId) {
    if (steps.stream().noneMatch(s -> s.activity() != null)) {
      return Map.of();
    }
    return progress(() -> PendingCalls.fetch(conn, workflowId, runId), conn)
        .map(calls -> StepCalls.match(steps, calls)).orElse(Map.of());
  }

  /** CANCELED, TERMINATED, TIMED_OUT, or FAILED (e.g. the workflow rejected its input). */
  static String status(WorkflowFailedException e) {
    Throwable cause = e.getCause();
    if (cause instanceof CanceledFailure) {
      return "CANCELED";
    }
    if (cause instanceof TerminatedFailure) {
      return "TERMINATED";
    }
    if (cause instanceof TimeoutFailure) {
      return "TIMED_OUT";
    }
    return "FAILED";
  }

  /** The failure's own message, or the operation's words for a cancel or a terminate. */
  static String message(WorkflowFailedException e, String whenCanceled, String whenTerminated) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure af) {
      return af.getOriginalMessage();
    }
    if (cause instanceof CanceledFailure) {
      return whenCanceled;
    }
    if (cause instanceof TerminatedFailure) {
      return whenTerminated;
    }
    return cause != null ? cause.getMessage() : e.getMessage();
  }
}
