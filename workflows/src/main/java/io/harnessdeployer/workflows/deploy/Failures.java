package io.harnessdeployer.workflows.deploy;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

/** One readable line for a failure that reached the workflow. */
final class Failures {
  private Failures() {}

  static String describe(Throwable failure) {
    Throwable t = failure;
    while (t instanceof ActivityFailure && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApplicationFailure app) {
      return app.getType() + ": " + app.getOriginalMessage();
    }
    if (t instanceof TimeoutFailure timeout) {
      return "Timeout: " + timeout.getTimeoutType().name().toLowerCase().replace("timeout_type_", "")
          + " timeout of the activity";
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
