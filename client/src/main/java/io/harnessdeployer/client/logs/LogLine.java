package io.harnessdeployer.client.logs;

import java.time.Instant;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * One log event as {@code logs} prints it: when, from which source ({@code harness} or {@code
 * service}), where, and the message (trailing whitespace trimmed, control characters replaced).
 */
public record LogLine(Instant timestamp, String source, String logGroup, String logStream, String message,
    String eventId) {
  static final Comparator<LogLine> ORDER = Comparator.comparing(LogLine::timestamp).thenComparing(LogLine::key);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t]]");

  static LogLine of(long timestampMillis, String source, String group, String stream, String message, String eventId) {
    String m = message == null ? "" : CONTROL.matcher(message.stripTrailing()).replaceAll("\uFFFD");
    return new LogLine(Instant.ofEpochMilli(timestampMillis), source, group, stream, m, eventId);
  }

  /** Unique across groups: what the tail de-duplicates by. */
  String key() {
    return logGroup + "/" + eventId;
  }

  /** {@code 2026-12-02T15:04:05.123Z harness  <message>}. */
  public String text() {
    return timestamp + " " + String.format("%-8s", source) + message;
  }
}
