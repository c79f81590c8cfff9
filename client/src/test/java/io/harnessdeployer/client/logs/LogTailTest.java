package io.harnessdeployer.client.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTailTest {
  private final List<LogLine> stored = new ArrayList<>();
  private final List<String> printed = new ArrayList<>();
  private final List<Long> starts = new ArrayList<>();

  private void write(long ts, String id, String message) {
    stored.add(LogLine.of(ts, "harness", "/g", "s", message, id));
  }

  private LogTail tail(long start) {
    return new LogTail(from -> {
      starts.add(from);
      return stored.stream().filter(l -> l.timestamp().toEpochMilli() >= from).sorted(LogLine.ORDER).toList();
    }, l -> printed.add(l.message()), start);
  }

  @Test
  void eachEventIsPrintedOnce_evenWhenMoreArriveInTheSameMillisecond() {
    write(1000, "a", "first");
    write(2000, "b", "second");
    LogTail t = tail(500);
    assertEquals(2, t.once());
    write(2000, "c", "same millisecond, later");
    write(3000, "d", "third");
    assertEquals(2, t.once());
    assertEquals(0, t.once());

    assertEquals(List.of("first", "second", "same millisecond, later", "third"), printed);
    assertEquals(List.of(500L, 2000L, 3000L), starts, "from the newest timestamp seen, not one past it");
  }

  @Test
  void before_theStartTime_nothingIsShown() {
    write(100, "old", "too old");
    write(900, "new", "in the window");
    tail(500).once();
    assertEquals(List.of("in the window"), printed);
  }

  @Test
  void follow_backsOffWhileNothingComes_andDropsBackWhenSomethingDoes() {
    List<Duration> waits = new ArrayList<>();
    LogTail t = tail(0);
    t.follow(() -> waits.size() >= 7, d -> {
      waits.add(d);
      if (waits.size() == 5) write(10, "x", "late");
    });
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8),
        Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    assertEquals(List.of("late"), printed);
  }

  @Test
  void follow_endsWhenItsPauseIsInterrupted() {
    tail(0).follow(() -> false, d -> {
      throw new InterruptedException("Ctrl-C");
    });
    assertEquals(1, starts.size());
    assertEquals(true, Thread.interrupted(), "the interrupt is kept for the caller");
  }

  @Test
  void text_hasTheTimestampAndTheSource_withControlCharactersReplaced() {
    assertEquals("1970-01-01T00:00:01.500Z service ok \uFFFD[2J",
        LogLine.of(1500, "service", "/g", "s", "ok \u001b[2J  \n", "1").text());
  }
}
