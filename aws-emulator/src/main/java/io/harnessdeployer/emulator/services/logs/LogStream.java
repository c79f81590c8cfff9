package io.harnessdeployer.emulator.services.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One log stream; events kept in timestamp order (ties in arrival order). */
final class LogStream {
  /** One stored event. {@code seq} orders events with equal timestamps and makes ids unique. */
  record Event(long seq, String stream, long timestamp, long ingestionTime, String message) {
    static final Comparator<Event> ORDER = Comparator.comparingLong(Event::timestamp).thenComparingLong(Event::seq);

    String eventId() {
      return String.format("%056d", seq);
    }
  }

  final String name;
  final String arn;
  final long creationTime;
  final List<Event> events = new ArrayList<>();
  Long lastIngestionTime;
  long storedBytes;
  long uploadSequence;

  LogStream(String name, String arn, long creationTime) {
    this.name = name;
    this.arn = arn;
    this.creationTime = creationTime;
  }

  void add(List<Event> batch, long ingestionTime) {
    events.addAll(batch);
    events.sort(Event.ORDER);
    batch.forEach(e -> storedBytes += e.message().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    lastIngestionTime = ingestionTime;
    uploadSequence++;
  }

  Long firstEventTimestamp() {
    return events.isEmpty() ? null : events.get(0).timestamp();
  }

  Long lastEventTimestamp() {
    return events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
  }
}
