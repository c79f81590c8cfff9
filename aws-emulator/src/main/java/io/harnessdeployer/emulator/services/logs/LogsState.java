package io.harnessdeployer.emulator.services.logs;

import java.util.Map;
import java.util.TreeMap;

/** The log groups of one account and region, ordered by name as DescribeLogGroups lists them. */
final class LogsState {
  final Map<String, LogGroup> groups = new TreeMap<>();
  private long nextEventSeq = 1;

  long nextEventSeq() {
    return nextEventSeq++;
  }
}
