package io.harnessdeployer.activities.aws;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Heartbeats the calling activity around every AWS attempt and, while a call is in flight (SDK
 * retries and their backoff included), on a ticker at a quarter of the activity's heartbeat
 * timeout: so that timeout can be short (a dead worker's call is retried elsewhere soon) however
 * long one call takes. Deploy and destroy run several calls at once, so a worker that dies is
 * usually inside some short call. Waits ({@code Await…}) are left alone: they heartbeat their own
 * progress, which an empty beat would erase. A cancel seen here is ignored: the call runs to its
 * end, so what it creates is known.
 */
public final class CallHeartbeats implements ExecutionInterceptor {
  private static final ExecutionAttribute<Ticker> TICKER = new ExecutionAttribute<>("harness-deployer.heartbeat-ticker");
  private static final Duration SHORTEST_TICK = Duration.ofMillis(100);
  private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "call-heartbeats");
    t.setDaemon(true);
    return t;
  });

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    beat();
    if (attributes.getAttribute(TICKER) == null) {
      attributes.putAttribute(TICKER, start());
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    beat();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    stop(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    stop(attributes);
  }

  private static void stop(ExecutionAttributes attributes) {
    Ticker t = attributes.getAttribute(TICKER);
    if (t != null) {
      t.close();
    }
  }

  /** Heartbeats the current activity, if this thread runs one that is not a wait. */
  public static void beat() {
    ActivityExecutionContext activity = current();
    if (activity != null) {
      beat(activity);
    }
  }

  /**
   * Starts beating the current activity (if this thread runs one that is not a wait) until the
   * returned ticker is closed: around a call that may outlast the heartbeat timeout.
   */
  public static Ticker start() {
    ActivityExecutionContext activity = current();
    if (activity == null) {
      return new Ticker(null);
    }
    Duration timeout = activity.getInfo().getHeartbeatTimeout();
    if (timeout == null || timeout.isZero()) {
      return new Ticker(null);
    }
    long every = Math.max(SHORTEST_TICK.toMillis(), timeout.toMillis() / 4);
    return new Ticker(TICKS.scheduleAtFixedRate(() -> beat(activity), every, every, TimeUnit.MILLISECONDS));
  }

  private static ActivityExecutionContext current() {
    ActivityExecutionContext activity;
    try {
      activity = Activity.getExecutionContext();
    } catch (IllegalStateException | NullPointerException e) {
      return null; // not called from an activity (the CLI's own lookups, tests)
    }
    return activity.getInfo().getActivityType().startsWith("Await") ? null : activity;
  }

  private static void beat(ActivityExecutionContext activity) {
    try {
      activity.heartbeat(null);
    } catch (ActivityCompletionException e) {
      // canceled or timed out on the server: finishing the call is still the safe thing to do
    } catch (RuntimeException e) {
      // a ticker beat after the activity ended: nothing to keep alive
    }
  }

  /** Stops the beats it started; closing twice is harmless. */
  public static final class Ticker implements AutoCloseable {
    private final ScheduledFuture<?> beats;

    Ticker(ScheduledFuture<?> beats) {
      this.beats = beats;
    }

    @Override
    public void close() {
      if (beats != null) {
        beats.cancel(false);
      }
    }
  }
}
