package io.harnessdeployer.activities.common;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The loop of every {@code awaitX} activity: probe, heartbeat, sleep, until the probe is done or the
 * deadline passes; {@link Polling#pause} sets each sleep. The first attempt's start travels in the
 * heartbeat details, so a retry (on this or another worker) keeps the same deadline, pace and count.
 * Cancellation arrives through {@code heartbeat()}, which then throws.
 */
public final class Poller {
  /** Heartbeat details: when the wait began and how many probes it has made. */
  public record Progress(long startedAtMillis, int polls) {}

  /** One probe's answer. */
  public sealed interface Check<T> {
    static <T> Check<T> done(T value) {
      return new Done<>(value);
    }

    static <T> Check<T> pending(String state) {
      return new Pending<>(state);
    }
  }

  public record Done<T>(T value) implements Check<T> {}

  /** @param state one line on where it stands, for the heartbeat and the timeout message */
  public record Pending<T>(String state) implements Check<T> {}

  /** A probe; {@code poll} counts from 1 across attempts. It may throw a failure to stop early. */
  @FunctionalInterface
  public interface Probe<T> {
    Check<T> check(int poll);
  }

  private final Polling polling;

  public Poller(Polling polling) {
    this.polling = polling;
  }

  /** Polls until done; {@code Timeout} naming {@code what} and the last state once the deadline passes. */
  public <T> T await(WaitSpec wait, String what, Probe<T> probe) {
    return await(wait, what, FailureTypes.TIMEOUT, probe);
  }

  /** As {@link #await(WaitSpec, String, Probe)}, failing with {@code deadlineType} at the deadline. */
  public <T> T await(WaitSpec wait, String what, String deadlineType, Probe<T> probe) {
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    Progress start =
        ctx.getHeartbeatDetails(Progress.class)
            .orElseGet(() -> new Progress(polling.clock().millis(), 0));
    Instant deadline = Instant.ofEpochMilli(start.startedAtMillis()).plus(wait.timeout());
    int polls = start.polls();
    while (true) {
      polls++;
      Check<T> check;
      try {
        check = probe.check(polls);
      } catch (RuntimeException e) {
        if (AwsFailures.isAwsError(e)) {
          throw AwsFailures.classify(what, e); // retryable ones resume from the heartbeat details
        }
        throw e;
      }
      if (check instanceof Done<T> done) {
        return done.value();
      }
      String state = ((Pending<T>) check).state();
      Instant now = polling.clock().instant();
      if (!now.isBefore(deadline)) {
        throw AwsFailures.failure(deadlineType,
            what + " not done after " + wait.timeout() + " (" + polls + " polls); last: " + state);
      }
      ctx.heartbeat(new Progress(start.startedAtMillis(), polls));
      Duration left = Duration.between(now, deadline);
      // elapsed counts from the first attempt's start, so a resumed wait keeps its pace too
      Duration pause = polling.pause(wait.interval(),
          Duration.between(Instant.ofEpochMilli(start.startedAtMillis()), now));
      try {
        polling.sleeper().sleep(pause.compareTo(left) < 0 ? pause : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
    }
  }
}
