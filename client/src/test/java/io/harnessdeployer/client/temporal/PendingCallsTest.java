package io.harnessdeployer.client.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.Timestamp;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.output.ProgressRow;
import io.harnessdeployer.client.temporal.StepCalls.StepCall;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.failure.v1.ApplicationFailureInfo;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.failure.v1.TimeoutFailureInfo;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A describe response as a real server sends it, mapped to the running steps' progress lines. */
class PendingCallsTest {
  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  static PendingActivityInfo pending(String type, int attempt, Failure last, Instant next) {
    PendingActivityInfo.Builder b = PendingActivityInfo.newBuilder()
        .setActivityType(ActivityType.newBuilder().setName(type)).setAttempt(attempt);
    if (last != null) {
      b.setLastFailure(last);
    }
    if (next != null) {
      b.setNextAttemptScheduleTime(Timestamp.newBuilder().setSeconds(next.getEpochSecond()));
    }
    return b.build();
  }

  static Failure app(String type, String message) {
    return Failure.newBuilder().setMessage(message)
        .setApplicationFailureInfo(ApplicationFailureInfo.newBuilder().setType(type)).build();
  }

  static StepState running(String id, String title, String activity) {
    return StepState.pending(id, title).running(NOW.minusSeconds(840).toEpochMilli()).awaiting(activity);
  }

  @Test
  void aRetriedCallReadsAsAttemptLastErrorAndNextTry() {
    DescribeWorkflowExecutionResponse d = DescribeWorkflowExecutionResponse.newBuilder()
        .addPendingActivities(pending("EnsureLogGroup", 7,
            app("InternalFailure", "CreateLogGroup: We encountered an internal error\nStatus Code: 500"), NOW.plusSeconds(40)))
        .addPendingActivities(pending("EnsureCluster", 1, null, null))
        .build();
    List<StepState> steps = List.of(
        StepState.pending("secret", "Secret s").running(0).done(1000, "arn:secret", Outcome.CREATED),
        running("cluster", "ECS cluster c", "EnsureCluster"),
        running("log-group", "Log group /ecs/zscaler-mcp", "EnsureLogGroup"),
        StepState.pending("service", "ECS Express service svc"));

    Map<String, StepCall> calls = StepCalls.match(steps, PendingCalls.of(d));

    assertEquals(List.of("log-group"), List.copyOf(calls.keySet()), "a first attempt is not a retry: " + calls);
    StepCall c = calls.get("log-group");
    assertEquals(new StepCall("log-group", "EnsureLogGroup", 7,
        "InternalFailure: CreateLogGroup: We encountered an internal error Status Code: 500", NOW.plusSeconds(40), 1), c);

    StringWriter text = new StringWriter();
    ProgressRenderer.table(new PrintWriter(text, true), ProgressRows.of(
        new DeployProgress("us-east-1/demo", DeployStatus.RUNNING, "log-group", steps, null, List.of()), calls,
        NOW.toEpochMilli()));
    assertEquals(List.of(
        "DONE         Secret s (1s): arn:secret created",
        "RUNNING      ECS cluster c",
        "RUNNING      Log group /ecs/zscaler-mcp (attempt 7, last error: InternalFailure: CreateLogGroup: We encountered"
            + " an internal error Status Code: 500; next try in 40s)",
        "PENDING      ECS Express service svc"), text.toString().lines().toList());
  }

  @Test
  void onlyRunningStepsWaitingOnThatTypeGetTheCall() {
    DescribeWorkflowExecutionResponse d = DescribeWorkflowExecutionResponse.newBuilder()
        .addPendingActivities(pending("EnsureHarness", 3, app("ThrottlingException", "Rate exceeded"), null))
        .build();
    StepState paused = running("harness", "Harness h", "EnsureHarness").failed(5, io.harnessdeployer.workflows.progress.StepStatus.PAUSED, "x");
    StepState otherType = running("role", "IAM role r", "EnsureHarnessRole");
    StepState noActivity = StepState.pending("ready", "Harness READY").running(0);

    assertEquals(Map.of(), StepCalls.match(List.of(paused, otherType, noActivity), PendingCalls.of(d)));
  }

  @Test
  void twoRunningStepsOnOneTypeBothShowTheWorstCallAsShared() {
    DescribeWorkflowExecutionResponse d = DescribeWorkflowExecutionResponse.newBuilder()
        .addPendingActivities(pending("DeleteRole", 2, app("Throttling", "Rate exceeded"), null))
        .addPendingActivities(pending("DeleteRole", 5, app("Throttling", "Rate exceeded"), null))
        .build();
    List<StepState> steps = List.of(running("a", "IAM role a", "DeleteRole"), running("b", "IAM role b", "DeleteRole"));

    Map<String, StepCall> calls = StepCalls.match(steps, PendingCalls.of(d));

    assertEquals(5, calls.get("a").attempt());
    assertEquals(2, calls.get("a").sharedBy());
    assertEquals(calls.get("a").attempt(), calls.get("b").attempt());
    assertEquals("one of 2 DeleteRole calls: attempt 5, last error: Throttling: Rate exceeded",
        ProgressRows.retry(calls.get("b"), NOW.toEpochMilli()).text());
  }

  @Test
  void failuresAreWordedLikeTheWorkflowDoes() {
    assertEquals("InternalFailure: boom", PendingCalls.describe(app("InternalFailure", "boom")));
    assertEquals("InternalFailure: boom", PendingCalls.describe(app("InternalFailure", "InternalFailure: boom")));
    assertEquals("SdkClientException: Unable to execute HTTP request",
        PendingCalls.describe(app("software.amazon.awssdk.core.exception.SdkClientException", "Unable to execute HTTP request")));
    assertEquals("Timeout: heartbeat timeout of the activity", PendingCalls.describe(Failure.newBuilder().setMessage("activity Heartbeat timeout")
        .setTimeoutFailureInfo(TimeoutFailureInfo.newBuilder().setTimeoutType(TimeoutType.TIMEOUT_TYPE_HEARTBEAT)).build()));
    PendingCalls.Call noFailure = PendingCalls.of(DescribeWorkflowExecutionResponse.newBuilder()
        .addPendingActivities(pending("AwaitServiceActive", 0, null, null)).build()).get(0);
    assertEquals(1, noFailure.attempt(), "attempt 0 (not started yet) counts as the first");
    assertNull(noFailure.lastError());
  }

  @Test
  void aNextTryAlreadyDueShowsZeroSeconds() {
    StepCall late = new StepCall("x", "EnsureSecret", 2, "e", NOW.minusSeconds(3), 1);
    assertEquals("attempt 2, last error: e; next try in 0s", ProgressRows.retry(late, NOW.toEpochMilli()).text());
  }
}
