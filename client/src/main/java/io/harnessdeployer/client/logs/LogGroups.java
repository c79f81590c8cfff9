package io.harnessdeployer.client.logs;

import io.harnessdeployer.workflows.common.Names;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** Which log groups hold a deployment's logs. */
public final class LogGroups {
  public static final String HARNESS = "harness";
  public static final String SERVICE = "service";

  /** A log group and the source its lines are shown as. */
  public record Group(String source, String name) {}

  private LogGroups() {}

  /**
   * The harness runtime groups (spec §8.2): under {@link Names#HARNESS_RUNTIME_LOG_PREFIX}, their
   * name containing the harness id, or its name when the id is unknown (the spec matches either; a
   * name alone also matches other harnesses whose names start with it). AWS makes them with the
   * first invocation.
   */
  public static List<Group> harness(CloudWatchLogsClient logs, String harnessId, String harnessName) {
    List<Group> out = new ArrayList<>();
    for (LogGroup g : logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(Names.HARNESS_RUNTIME_LOG_PREFIX).limit(50))
        .logGroups()) {
      String n = g.logGroupName();
      if (harnessId != null ? n.contains(harnessId) : harnessName != null && n.contains(harnessName)) {
        out.add(new Group(HARNESS, n));
      }
    }
    return out;
  }
}
