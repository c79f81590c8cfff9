package io.harnessdeployer.activities.common;

import java.time.Duration;

/** Waits between polls. Tests pass one that advances a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper real() {
    return d -> Thread.sleep(d.toMillis());
  }
}
