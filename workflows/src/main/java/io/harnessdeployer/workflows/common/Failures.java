package io.harnessdeployer.workflows.common;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

/** One readable line for a failure that reached the workflow. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof ApplicationFailure app) {
      return app.getType() + ": " + app.getOriginalMessage();
    }
    if (t instanceof TimeoutFailure timeout) {
      String line = "Timeout: " + timeout.getTimeoutType().name().toLowerCase().replace("timeout_type_", "")
          + " timeout of the activity";
      // retries ran out: the last attempt's failure says why
      return timeout.getCause() == null ? line : line + "; last failure: " + describe(timeout.getCause());
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

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof ActivityFailure && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
