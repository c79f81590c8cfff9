package io.harnessdeployer.client.logs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** FilterLogEvents over several groups from one start time, every page, merged in time order. */
public final class LogReader {
  private final CloudWatchLogsClient logs;
  private final Consumer<String> warn;
  private final Set<String> vanished = new HashSet<>();

  /** {@code warn} hears once of each group that disappeared while being read. */
  public LogReader(CloudWatchLogsClient logs, Consumer<String> warn) {
    this.logs = logs;
    this.warn = warn;
  }

  /** Events at or after {@code startMillis}; a group that is gone is skipped. */
  public List<LogLine> read(List<LogGroups.Group> groups, long startMillis) {
    List<LogLine> out = new ArrayList<>();
    for (LogGroups.Group g : groups) {
      try {
        String token = null;
        do {
          String next = token;
          var page = logs.filterLogEvents(r -> r.logGroupName(g.name()).startTime(startMillis).nextToken(next));
          for (FilteredLogEvent e : page.events()) {
            out.add(LogLine.of(e.timestamp(), g.source(), g.name(), e.logStreamName(), e.message(), e.eventId()));
          }
          token = page.nextToken();
        } while (token != null);
      } catch (ResourceNotFoundException e) {
        if (vanished.add(g.name())) {
          warn.accept("[WARN] log group " + g.name() + " is gone (deleted while tailing?)");
        }
      }
    }
    out.sort(LogLine.ORDER);
    return out;
  }
}
