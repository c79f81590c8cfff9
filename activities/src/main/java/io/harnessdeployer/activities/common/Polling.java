package io.harnessdeployer.activities.common;

import java.time.Clock;
import java.time.Duration;

/**
 * How waits pace themselves: the clock their deadline is measured on, how they sleep, an optional
 * fixed interval that replaces the schedule (tests poll fast), and the schedule itself.
 */
public record Polling(Clock clock, Sleeper sleeper, Duration intervalOverride, Pacing pacing) {
  /** The shortest pause of {@link Pacing#BACKOFF}: a resource rarely turns ready sooner. */
  public static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  /** {@link Pacing#BACKOFF} pauses for this fraction of the time already waited. */
  public static final int ELAPSED_DIVISOR = 10;

  public enum Pacing {
    /**
     * Pause {@code clamp(elapsed / 10, 1 s, WaitSpec interval)}: the wait overshoots the moment the
     * resource turned ready by at most about 10% of the time it waited (1 s at first), and long
     * waits still poll only every WaitSpec interval.
     */
    BACKOFF,
    /** The original tool's pace: every pause is the WaitSpec interval (a sequential baseline). */
    FIXED
  }

  public Polling {
    if (pacing == null) {
      throw new IllegalArgumentException("pacing is required");
    }
  }

  /** Backoff pacing, or the fixed {@code intervalOverride} when one is given. */
  public Polling(Clock clock, Sleeper sleeper, Duration intervalOverride) {
    this(clock, sleeper, intervalOverride, Pacing.BACKOFF);
  }

  public static Polling real() {
    return new Polling(Clock.systemUTC(), Sleeper.real(), null, Pacing.BACKOFF);
  }

  /** The original tool's pacing: sleeps exactly the WaitSpec interval every time. */
  public static Polling seed() {
    return new Polling(Clock.systemUTC(), Sleeper.real(), null, Pacing.FIXED);
  }

  /**
   * The pause before the next probe, {@code elapsed} after the wait began (the deadline still cuts
   * it short).
   *
   * @param interval the WaitSpec's interval: the pace of FIXED, the cap of BACKOFF
   */
  public Duration pause(Duration interval, Duration elapsed) {
    if (intervalOverride != null) {
      return intervalOverride;
    }
    if (pacing == Pacing.FIXED) {
      return interval;
    }
    Duration proportional = Duration.ofMillis(elapsed.toMillis() / ELAPSED_DIVISOR);
    Duration atLeast = proportional.compareTo(FIRST_PAUSE) < 0 ? FIRST_PAUSE : proportional;
    return atLeast.compareTo(interval) > 0 ? interval : atLeast;
  }
}
