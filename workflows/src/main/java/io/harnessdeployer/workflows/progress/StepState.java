package io.harnessdeployer.workflows.progress;

import io.harnessdeployer.workflows.steps.Outcome;

/**
 * One row of a deploy's or a destroy's progress. Times are workflow time in epoch millis, null
 * until they happen. In a destroy every step is an undo: {@code compensation} holds its outcome.
 *
 * @param attempts how often the workflow ran this step (operator retries count; the activity's own
 *     retries show on the pending activity in the Temporal UI)
 * @param resourceId name, ARN or id of the resource the step ensured (or deleted)
 * @param compensation what the undo did ({@code DELETED}, {@code ALREADY_GONE}, {@code KEPT_…}),
 *     null if none ran
 * @param activity the Temporal activity type the step is waiting on right now (for example {@code
 *     EnsureLogGroup}), null when none: the client matches it to the workflow's pending activities
 *     to show attempts and the last error of a call that is being retried
 */
public record StepState(
    String id,
    String title,
    StepStatus status,
    Long startedAt,
    Long endedAt,
    int attempts,
    String resourceId,
    Outcome outcome,
    String lastError,
    String compensation,
    String activity) {

  public static StepState pending(String id, String title) {
    return new StepState(id, title, StepStatus.PENDING, null, null, 0, null, null, null, null, null);
  }

  public StepState running(long now) {
    return new StepState(id, title, StepStatus.RUNNING, now, null, attempts + 1, resourceId,
        outcome, lastError, compensation, activity);
  }

  public StepState done(long now, String resource, Outcome result) {
    return new StepState(id, title, StepStatus.DONE, startedAt, now, attempts, resource, result,
        lastError, compensation, null);
  }

  public StepState failed(long now, StepStatus status, String error) {
    return new StepState(id, title, status, startedAt, now, attempts, resourceId, outcome, error,
        compensation, null);
  }

  public StepState skipped() {
    return new StepState(id, title, StepStatus.SKIPPED, startedAt, endedAt, attempts, resourceId,
        outcome, lastError, compensation, activity);
  }

  public StepState compensation(StepStatus status, String what) {
    return new StepState(id, title, status, startedAt, endedAt, attempts, resourceId, outcome,
        lastError, what, activity);
  }

  /** The activity the step now waits on; null once it returned. */
  public StepState awaiting(String activityType) {
    return new StepState(id, title, status, startedAt, endedAt, attempts, resourceId, outcome,
        lastError, compensation, activityType);
  }
}
