package io.harnessdeployer.activities.aws;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Heartbeats the calling activity around every AWS attempt. Deploy and destroy run several calls
 * at once, so a worker that dies is usually inside some short call: with heartbeats it is retried
 * elsewhere after the heartbeat timeout instead of the 2-minute start-to-close. Waits ({@code
 * Await…}) are left alone: they heartbeat their own progress, which an empty beat would erase. A
 * cancel seen here is ignored: the call runs to its end, so what it creates is known.
 */
public final class CallHeartbeats implements ExecutionInterceptor {
  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    beat();
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    beat();
  }

  /** Heartbeats the current activity, if this thread runs one that is not a wait. */
  public static void beat() {
    ActivityExecutionContext activity;
    try {
      activity = Activity.getExecutionContext();
    } catch (IllegalStateException | NullPointerException e) {
      return; // not called from an activity (the CLI's own lookups, tests)
    }
    if (activity.getInfo().getActivityType().startsWith("Await")) {
      return;
    }
    try {
      activity.heartbeat(null);
    } catch (ActivityCompletionException e) {
      // canceled or timed out on the server: finishing the call is still the safe thing to do
    }
  }
}
