package io.harnessdeployer.emulator.services.logs;

import static io.harnessdeployer.emulator.services.logs.LogsConstants.*;

import io.harnessdeployer.emulator.error.AwsServiceError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Paging of log events. GetLogEvents uses CloudWatch's {@code f/<index>} and {@code b/<index>} tokens
 * over the stream; FilterLogEvents resumes after the last event it returned.
 */
final class EventPages {
  private EventPages() {}

  record StreamPage(List<LogStream.Event> events, String forward, String backward) {}

  record FilterPage(List<LogStream.Event> events, String nextToken) {}

  /** {@code events} already filtered by time and ordered. */
  static StreamPage streamPage(List<LogStream.Event> events, String token, int limit, boolean startFromHead) {
    int last = events.size() - 1;
    int from;
    int to;
    if (token == null) {
      from = startFromHead ? 0 : Math.max(0, last - limit + 1);
      to = startFromHead ? Math.min(last, limit - 1) : last;
    } else if (token.startsWith(FORWARD)) {
      from = index(token) + 1;
      to = Math.min(last, from + limit - 1);
    } else if (token.startsWith(BACKWARD)) {
      to = index(token) - 1;
      from = Math.max(0, to - limit + 1);
    } else {
      throw invalidToken();
    }
    if (from > last || to < from) {
      int at = Math.max(0, token != null && token.startsWith(BACKWARD) ? 0 : last);
      return new StreamPage(List.of(), FORWARD + pad(at), BACKWARD + pad(at));
    }
    return new StreamPage(List.copyOf(events.subList(from, to + 1)), FORWARD + pad(to), BACKWARD + pad(from));
  }

  /** {@code events} already filtered and ordered by {@link LogStream.Event#ORDER}. */
  static FilterPage filterPage(List<LogStream.Event> events, String token, int limit) {
    List<LogStream.Event> remaining = events;
    if (token != null) {
      long[] after = decodeCursor(token);
      remaining =
          events.stream()
              .filter(e -> e.timestamp() > after[0] || e.timestamp() == after[0] && e.seq() > after[1])
              .toList();
    }
    if (remaining.size() <= limit) return new FilterPage(remaining, null);
    List<LogStream.Event> page = remaining.subList(0, limit);
    LogStream.Event lastEvent = page.get(page.size() - 1);
    return new FilterPage(List.copyOf(page), encodeCursor(lastEvent));
  }

  private static int index(String token) {
    try {
      return Integer.parseInt(token.substring(2));
    } catch (NumberFormatException e) {
      throw invalidToken();
    }
  }

  private static String pad(int index) {
    return String.format("%056d", index);
  }

  private static String encodeCursor(LogStream.Event e) {
    String raw = e.timestamp() + "/" + e.seq();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static long[] decodeCursor(String token) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("/");
      if (parts.length != 2) throw invalidToken();
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } catch (IllegalArgumentException e) {
      throw invalidToken();
    }
  }

  private static AwsServiceError invalidToken() {
    return AwsServiceError.of(INVALID_PARAMETER, INVALID_TOKEN);
  }
}
