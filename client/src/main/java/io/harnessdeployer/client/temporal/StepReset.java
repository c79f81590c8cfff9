package io.harnessdeployer.client.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.harnessdeployer.client.CliException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.ResetActivityRequest;
import java.util.List;

/**
 * What the Temporal UI's "reset activity" does, for a step whose call is still retrying (IAM
 * propagation, throttling): the service's ResetActivity puts the call back to attempt 1 and runs it
 * at once, without the backoff; it also unpauses a paused call. Servers before 1.28 (and Temporal's
 * test server, the local stack's) answer UNIMPLEMENTED.
 */
public final class StepReset {
  /** A call the run waits on: Temporal's activity id and type, and its attempt (1-based). */
  public record Pending(String activityId, String activityType, int attempt) {}

  private StepReset() {}

  public static List<Pending> pending(DescribeWorkflowExecutionResponse d) {
    return d.getPendingActivitiesList().stream().map(StepReset::pending).toList();
  }

  private static Pending pending(PendingActivityInfo a) {
    return new Pending(a.getActivityId(), a.getActivityType().getName(), Math.max(1, a.getAttempt()));
  }

  /**
   * The call to reset: the one named by {@code step} (activity type, case-insensitive, or activity
   * id), else the only call on a second or later attempt.
   */
  public static Pending choose(List<Pending> calls, String step, String deployment) {
    List<Pending> candidates = step == null ? calls.stream().filter(c -> c.attempt() > 1).toList()
        : calls.stream().filter(c -> c.activityType().equalsIgnoreCase(step) || c.activityId().equals(step)).toList();
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    String listed = calls.isEmpty() ? "it waits on no call"
        : "it waits on " + String.join(", ", calls.stream()
            .map(c -> c.activityType() + " (attempt " + c.attempt() + ", id " + c.activityId() + ")").toList());
    if (candidates.isEmpty()) {
      throw CliException.failed((step == null ? "no step of " + deployment + " is retrying"
          : "no call " + step + " is pending in " + deployment) + ": " + listed);
    }
    throw CliException.badInput("more than one call of " + deployment + " matches: " + listed
        + "; name one with --step <activity type or id>");
  }

  /** The request: attempt back to 1 at once, heartbeat details kept, unpaused, options unchanged. */
  public static ResetActivityRequest request(String namespace, String workflowId, String runId, Pending call,
      String identity) {
    return ResetActivityRequest.newBuilder()
        .setNamespace(namespace)
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
        .setId(call.activityId())
        .setIdentity(identity)
        .setResetHeartbeat(false)
        .setKeepPaused(false)
        .build();
  }

  /** Sends it; an UNIMPLEMENTED answer becomes an explanation of what the server lacks. */
  public static void send(TemporalConnection conn, ResetActivityRequest request) {
    try {
      conn.client().getWorkflowServiceStubs().blockingStub().resetActivity(request);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw CliException.failed("the Temporal server at " + conn.address() + " does not support ResetActivity"
            + " (UNIMPLEMENTED): it needs a Temporal server 1.28 or later, such as the compose stack's; Temporal's"
            + " test server (the local stack) has no activity reset. The call retries on its own schedule;"
            + " 'client status' shows its attempt");
      }
      throw TemporalErrors.translate(e, conn);
    }
  }
}
