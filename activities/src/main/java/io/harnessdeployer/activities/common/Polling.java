package io.harnessdeployer.activities.common;

import java.time.Clock;
import java.time.Duration;

/**
 * How waits pace themselves: the clock their deadline is measured on, how they sleep, and an
 * optional interval that replaces the one in each {@code WaitSpec} (tests poll fast).
 */
public record Polling(Clock clock, Sleeper sleeper, Duration intervalOverride) {
  public static Polling real() {
    return new Polling(Clock.systemUTC(), Sleeper.real(), null);
  }

  public Duration interval(Duration requested) {
    return intervalOverride != null ? intervalOverride : requested;
  }
}
