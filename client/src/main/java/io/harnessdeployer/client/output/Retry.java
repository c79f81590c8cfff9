package io.harnessdeployer.client.output;

import java.time.Duration;

/**
 * The call a running step waits on is being retried by Temporal: what the progress line adds.
 *
 * @param activity the call's activity type, e.g. {@code EnsureLogGroup}
 * @param attempt the call's current attempt, 1-based
 * @param lastError why the previous attempt failed; null if not known
 * @param nextTryIn until the next attempt starts; null while an attempt runs
 * @param sharedBy how many running steps wait on calls of this type: above 1 the calls cannot be
 *     told apart, and the line says so instead of pinning the retry on one step
 */
public record Retry(String activity, int attempt, String lastError, Duration nextTryIn, int sharedBy) {
  /** Longest last error shown: the row must stay one terminal line. */
  public static final int MAX_ERROR = 160;

  /** {@code attempt 7, last error: InternalFailure …; next try in 40s}. */
  public String text() {
    StringBuilder b = new StringBuilder();
    if (sharedBy > 1) {
      b.append("one of ").append(sharedBy).append(' ').append(activity).append(" calls: ");
    }
    b.append("attempt ").append(attempt);
    if (lastError != null && !lastError.isEmpty()) {
      b.append(", last error: ").append(OneLine.of(lastError, MAX_ERROR));
    }
    if (nextTryIn != null) {
      b.append("; next try in ").append(ProgressRenderer.elapsed(nextTryIn));
    }
    return b.toString();
  }

  /** What a log line changes on: not the countdown, which moves on every poll. */
  String key() {
    return attempt + "|" + lastError;
  }
}
