package io.harnessdeployer.client.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An activity (type {@code FlakyCall}) that fails its first {@code failures} attempts with a
 * retryable error, so that Temporal has a pending activity with an attempt count and a last
 * failure to report. Attempts are counted per {@code key}.
 */
@ActivityInterface
public interface FlakyCall {
  String flakyCall(String key, int failures);

  /** Retries half a second apart: a 200 ms poll sees the call waiting for its next attempt. */
  static ActivityOptions options() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(500))
            .setBackoffCoefficient(1.0).build())
        .build();
  }

  final class Impl implements FlakyCall {
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public String flakyCall(String key, int failures) {
      int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (attempt <= failures) {
        throw ApplicationFailure.newFailure("We encountered an internal error.\nPlease try again.\u001b[31m",
            "InternalFailure");
      }
      return key + " after " + attempt;
    }
  }
}
