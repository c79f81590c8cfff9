package io.harnessdeployer.activities.aws;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The {@code nextRetryDelay} a retryable failure asks Temporal for, where one beats the activity's
 * generic 2 s-doubling backoff. IAM propagation: about 1 s, since the role is usually usable within
 * seconds and the dependent call is the critical path. Throttling: exponential with jitter (so
 * parallel steps throttled together do not retry in lockstep), never sooner than the service's
 * {@code Retry-After}. The SDK's own standard retries (3 attempts, jittered, {@code Retry-After} as
 * a hint) have already run by then; these delays pace the retries Temporal makes after it gave up.
 */
public final class RetryDelays {
  private RetryDelays() {}

  static final Duration IAM_PROPAGATION = Duration.ofSeconds(1);
  /** After this many quick attempts IAM is slow today: back off to spare the dependent API. */
  static final int IAM_QUICK_ATTEMPTS = 10;
  static final Duration IAM_PROPAGATION_MAX = Duration.ofSeconds(5);
  static final Duration THROTTLING_BASE = Duration.ofSeconds(2);
  static final Duration THROTTLING_MAX = Duration.ofMinutes(1);
  /** A larger Retry-After is cut to this, so a bad header cannot park a step for long. */
  static final Duration RETRY_AFTER_MAX = Duration.ofMinutes(5);

  /** The delay for a failure of {@code type} in the current activity attempt; empty: Temporal's own. */
  public static Optional<Duration> next(String type, Duration retryAfter) {
    return next(type, retryAfter, currentAttempt(), () -> ThreadLocalRandom.current().nextDouble());
  }

  /** @param random in [0, 1): where in the jitter range the delay falls */
  static Optional<Duration> next(String type, Duration retryAfter, int attempt, DoubleSupplier random) {
    if (FailureTypes.IAM_PROPAGATION.equals(type)) {
      if (attempt <= IAM_QUICK_ATTEMPTS) {
        return Optional.of(IAM_PROPAGATION);
      }
      Duration slower = IAM_PROPAGATION.multipliedBy(attempt - IAM_QUICK_ATTEMPTS + 1);
      return Optional.of(min(slower, IAM_PROPAGATION_MAX));
    }
    if (FailureTypes.THROTTLING.equals(type)) {
      Duration ceiling = min(THROTTLING_BASE.multipliedBy(1L << Math.min(attempt - 1, 10)), THROTTLING_MAX);
      // equal jitter: half the ceiling, plus a random share of the other half
      long millis = ceiling.toMillis() / 2 + (long) (random.getAsDouble() * (ceiling.toMillis() / 2));
      Duration delay = Duration.ofMillis(millis);
      if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
        delay = min(retryAfter, RETRY_AFTER_MAX);
      }
      return Optional.of(delay);
    }
    return Optional.empty();
  }

  /** {@code Retry-After} in delta-seconds (the form AWS sends), or null. */
  public static Duration retryAfter(SdkHttpResponse response) {
    return response == null ? null : parseRetryAfter(response.firstMatchingHeader("Retry-After").orElse(null));
  }

  static Duration parseRetryAfter(String value) {
    if (value == null || !value.trim().matches("\\d{1,9}")) {
      return null; // absent, or an HTTP-date, which AWS does not send
    }
    return Duration.ofSeconds(Long.parseLong(value.trim()));
  }

  /** This activity's attempt (1 for the first); 1 outside an activity, as in a plain unit test. */
  static int currentAttempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (IllegalStateException e) {
      return 1;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
