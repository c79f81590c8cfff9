package io.harnessdeployer.workflows.common;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

/** One readable line for a failure that reached the workflow. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof ApplicationFailure app) {
      String exhausted = retriesExhausted(failure) ? " (retries exhausted)" : "";
      return app.getType() + ": " + app.getOriginalMessage() + exhausted;
    }
    if (t instanceof TimeoutFailure timeout) {
      return "Timeout: " + timeout.getTimeoutType().name().toLowerCase().replace("timeout_type_", "")
          + " timeout of the activity";
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** The {@code ApplicationFailure} type of the failure's root, or null (timeouts, cancellation). */
  public static String type(Throwable failure) {
    return unwrap(failure) instanceof ApplicationFailure app ? app.getType() : null;
  }

  /** Whether the activity ran out of time (its own {@code Timeout}, or Temporal's timeout). */
  public static boolean isTimeout(Throwable failure) {
    Throwable t = unwrap(failure);
    return t instanceof TimeoutFailure || FailureTypes.TIMEOUT.equals(type(failure));
  }

  /** A retryable failure that kept coming until the retry window or attempts ran out. */
  private static boolean retriesExhausted(Throwable failure) {
    return failure instanceof ActivityFailure a
        && (a.getRetryState() == RetryState.RETRY_STATE_TIMEOUT
            || a.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof ActivityFailure && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
