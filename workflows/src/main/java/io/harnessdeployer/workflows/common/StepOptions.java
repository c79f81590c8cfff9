package io.harnessdeployer.workflows.common;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The three activity option sets. Every call names its step and resource in the summary, which the
 * Temporal UI shows in the event history and on pending activities.
 */
public final class StepOptions {
  private StepOptions() {}

  /** How long one AWS call may take; the SDK's own apiCallTimeout must stay below it. */
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
  /** How long retryable failures of one call are retried before the step fails. */
  static final Duration CALL_RETRY_WINDOW = Duration.ofMinutes(15);
  /** Compensations retry longer: leaving a half-deleted deployment is worse than waiting. */
  static final Duration COMPENSATION_RETRY_WINDOW = Duration.ofMinutes(30);
  static final Duration POLL_HEARTBEAT = Duration.ofSeconds(30);
  /**
   * AWS calls heartbeat around every SDK attempt and on a ticker while one is in flight
   * (CallHeartbeats): a dead worker's call is retried elsewhere after this, not after the
   * start-to-close timeout, however long the call itself takes.
   */
  static final Duration CALL_HEARTBEAT = Duration.ofSeconds(10);
  /** Slack on top of a wait's own deadline, so the activity reports Timeout before Temporal does. */
  static final Duration POLL_SLACK = Duration.ofMinutes(2);

  /**
   * One idempotent AWS call (describe, then create or update). A cancel waits for the call to end:
   * it does not heartbeat, so it runs to completion anyway, and an undo started before it ends
   * would find nothing while the call goes on to create the resource.
   */
  public static ActivityOptions awsCall(String summary) {
    return ActivityOptions.newBuilder()
        .setSummary(summary)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setStartToCloseTimeout(CALL_TIMEOUT)
        .setHeartbeatTimeout(CALL_HEARTBEAT)
        .setScheduleToCloseTimeout(CALL_RETRY_WINDOW)
        .setRetryOptions(retry(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(1)))
        .build();
  }

  /**
   * A heartbeating wait with its own deadline {@code timeout}. A dead worker is noticed after the
   * heartbeat timeout and the wait resumes on another one.
   */
  public static ActivityOptions poll(String summary, Duration timeout) {
    return ActivityOptions.newBuilder()
        .setSummary(summary)
        .setStartToCloseTimeout(timeout.plus(POLL_SLACK))
        .setScheduleToCloseTimeout(timeout.plus(POLL_SLACK).multipliedBy(2))
        .setHeartbeatTimeout(POLL_HEARTBEAT)
        .setRetryOptions(retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1)))
        .build();
  }

  /** An undo (delete) during rollback or destroy; "not found" is success, so it can be repeated. */
  public static ActivityOptions compensation(String summary) {
    return ActivityOptions.newBuilder()
        .setSummary(summary)
        .setStartToCloseTimeout(CALL_TIMEOUT)
        .setHeartbeatTimeout(CALL_HEARTBEAT)
        .setScheduleToCloseTimeout(COMPENSATION_RETRY_WINDOW)
        .setRetryOptions(retry(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(2)))
        .build();
  }

  /**
   * A call that fails with the retryable {@link FailureTypes#RESOURCE_BUSY} until something drains
   * (cluster delete while services drain, spec §7.5): fixed interval, bounded by {@code deadline}.
   */
  public static ActivityOptions untilNotBusy(String summary, Duration interval, Duration deadline) {
    return ActivityOptions.newBuilder()
        .setSummary(summary)
        .setStartToCloseTimeout(CALL_TIMEOUT)
        .setHeartbeatTimeout(CALL_HEARTBEAT)
        .setScheduleToCloseTimeout(deadline.plus(CALL_TIMEOUT))
        .setRetryOptions(retry(interval, 1.0, interval))
        .build();
  }

  private static RetryOptions retry(Duration initial, double backoff, Duration max) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(backoff)
        .setMaximumInterval(max)
        .setDoNotRetry(FailureTypes.NON_RETRYABLE)
        .build();
  }
}
