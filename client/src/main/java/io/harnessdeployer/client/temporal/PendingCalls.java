package io.harnessdeployer.client.temporal;

import com.google.protobuf.Timestamp;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.client.output.Retry;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The activities a run waits on, from DescribeWorkflowExecution: the progress query only knows a
 * step is RUNNING, Temporal knows its call is on attempt 7 and why attempt 6 failed.
 */
public final class PendingCalls {
  private PendingCalls() {}

  /**
   * One pending activity.
   *
   * @param attempt 1-based; above 1 the call is being retried
   * @param lastError why the previous attempt failed, one line, cut; null if none failed yet
   * @param nextAttemptAt when the next attempt is scheduled; null while an attempt runs
   */
  public record Call(String activity, int attempt, String lastError, Instant nextAttemptAt) {}

  /** Asks Temporal; fails like any other call when it is unreachable. */
  public static List<Call> fetch(TemporalConnection conn, String workflowId, String runId) {
    DescribeWorkflowExecutionResponse d = conn.client().getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(conn.namespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
            .build());
    return of(d);
  }

  public static List<Call> of(DescribeWorkflowExecutionResponse d) {
    List<Call> calls = new ArrayList<>();
    for (PendingActivityInfo a : d.getPendingActivitiesList()) {
      String error = a.hasLastFailure() ? OneLine.of(describe(a.getLastFailure()), Retry.MAX_ERROR) : null;
      Instant next = a.hasNextAttemptScheduleTime() ? instant(a.getNextAttemptScheduleTime()) : null;
      calls.add(new Call(a.getActivityType().getName(), Math.max(1, a.getAttempt()), error, next));
    }
    return calls;
  }

  /** As the workflow's {@code Failures.describe} words it: {@code Type: message}. */
  static String describe(Failure f) {
    if (f.hasApplicationFailureInfo() && !f.getApplicationFailureInfo().getType().isEmpty()) {
      String type = f.getApplicationFailureInfo().getType();
      type = type.substring(type.lastIndexOf('.') + 1); // a wrapped Java exception: its class name
      return f.getMessage().startsWith(type) ? f.getMessage() : type + ": " + f.getMessage();
    }
    if (f.hasTimeoutFailureInfo()) {
      return "Timeout: " + f.getTimeoutFailureInfo().getTimeoutType().name().toLowerCase(Locale.ROOT)
          .replace("timeout_type_", "") + " timeout of the activity";
    }
    return f.getMessage();
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
