package io.harnessdeployer.client.logs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Follows logs by polling from the newest timestamp seen, not one past it: events of that same
 * millisecond can still arrive, so events are de-duplicated by id instead. The wait between polls
 * doubles while nothing new comes (up to {@link #MAX_WAIT}) and drops back once something does.
 */
public final class LogTail {
  public static final Duration MIN_WAIT = Duration.ofSeconds(1);
  public static final Duration MAX_WAIT = Duration.ofSeconds(8);

  /** How the tail waits between polls; the CLI sleeps (a Ctrl-C interrupts it). */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  private final LongFunction<List<LogLine>> poll;
  private final Consumer<LogLine> print;
  private final Map<String, Long> seen = new HashMap<>();
  private long cursor;

  /** {@code poll} reads every event at or after a start time (epoch millis). */
  public LogTail(LongFunction<List<LogLine>> poll, Consumer<LogLine> print, long startMillis) {
    this.poll = poll;
    this.print = print;
    this.cursor = startMillis;
  }

  /** One poll: prints what is new, in order; returns how many lines that was. */
  public int once() {
    int printed = 0;
    for (LogLine line : poll.apply(cursor)) {
      if (seen.containsKey(line.key())) continue;
      seen.put(line.key(), line.timestamp().toEpochMilli());
      print.accept(line);
      printed++;
      cursor = Math.max(cursor, line.timestamp().toEpochMilli());
    }
    long from = cursor;
    seen.values().removeIf(ts -> ts < from); // older ones cannot come back: they are before the next start
    return printed;
  }

  /** Polls until {@code stop} says so or the pause is interrupted. */
  public void follow(BooleanSupplier stop, Pause pause) {
    Duration wait = MIN_WAIT;
    while (!stop.getAsBoolean()) {
      wait = once() > 0 ? MIN_WAIT : min(wait.multipliedBy(2), MAX_WAIT);
      try {
        pause.pause(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
