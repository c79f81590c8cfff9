package io.harnessdeployer.bench.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting with a deadline by polling (never a bare sleep that hopes something happened). */
final class Poll {
  private static final long PAUSE_MS = 100;

  private Poll() {}

  /** Thrown by a condition that can no longer become true (its process exited): stop waiting. */
  static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** True once {@code condition} holds; false at the deadline or on {@link Stop}. */
  static boolean until(Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    try {
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > end) return false;
        Thread.sleep(PAUSE_MS);
      }
      return true;
    } catch (Stop e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
