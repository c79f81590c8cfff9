package io.harnessdeployer.emulator.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** CloudWatch Logs group scenarios: duplicate, missing, and prefix listing. */
final class LogsScenarios {
  private LogsScenarios() {}

  static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("logs.createGroupTwice", LogsScenarios::createGroupTwice);
    all.put("logs.deleteMissingGroup", LogsScenarios::deleteMissingGroup);
    all.put("logs.describeByPrefix", LogsScenarios::describeByPrefix);
    return all;
  }

  private static void createGroupTwice(Target target, Observations seen) {
    try (CloudWatchLogsClient logs = target.client(CloudWatchLogsClient.builder())) {
      seen.call("CreateLogGroup", () -> logs.createLogGroup(b -> b.logGroupName("/diff/twice")));
      seen.call("CreateLogGroup again", () -> logs.createLogGroup(b -> b.logGroupName("/diff/twice")));
      seen.call("DeleteLogGroup", () -> logs.deleteLogGroup(b -> b.logGroupName("/diff/twice")));
      seen.call("DeleteLogGroup again", () -> logs.deleteLogGroup(b -> b.logGroupName("/diff/twice")));
      seen.call("CreateLogGroup after delete", () -> logs.createLogGroup(b -> b.logGroupName("/diff/twice")));
    }
  }

  private static void deleteMissingGroup(Target target, Observations seen) {
    try (CloudWatchLogsClient logs = target.client(CloudWatchLogsClient.builder())) {
      seen.call("DeleteLogGroup missing", () -> logs.deleteLogGroup(b -> b.logGroupName("/diff/never-created")));
      seen.call("PutRetentionPolicy missing",
          () -> logs.putRetentionPolicy(b -> b.logGroupName("/diff/never-created").retentionInDays(14)));
    }
  }

  private static void describeByPrefix(Target target, Observations seen) {
    try (CloudWatchLogsClient logs = target.client(CloudWatchLogsClient.builder())) {
      for (String name : new String[] {"/diff/prefix/b", "/diff/prefix/a", "/diff/prefixless", "/other/prefix/c"}) {
        seen.call("CreateLogGroup " + name, () -> logs.createLogGroup(b -> b.logGroupName(name)));
      }
      seen.call("PutRetentionPolicy", () -> logs.putRetentionPolicy(b -> b.logGroupName("/diff/prefix/a").retentionInDays(14)));
      var groups = logs.describeLogGroups(b -> b.logGroupNamePrefix("/diff/prefix/")).logGroups();
      seen.value("names", groups.stream().map(LogGroup::logGroupName).toList());
      seen.value("arns", groups.stream().map(LogGroup::arn).toList());
      seen.value("retention", groups.stream().map(LogGroup::retentionInDays).toList());
      seen.value("none", logs.describeLogGroups(b -> b.logGroupNamePrefix("/diff/nothing-here")).logGroups().size());
    }
  }
}
