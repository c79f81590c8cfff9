package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import io.harnessdeployer.activities.aws.Regional;

/** The log group (the original never tags it): DescribeLogGroups by exact name, TagResource on its ARN. */
final class LogGroupAdoption implements Adoptable {
  private final Regional<CloudWatchLogsClient> logs;

  LogGroupAdoption(Regional<CloudWatchLogsClient> logs) {
    this.logs = logs;
  }

  @Override
  public Optional<Found> find(String region, AdoptTarget target) {
    CloudWatchLogsClient client = logs.in(region);
    Optional<LogGroup> group = client.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(target.name()))
        .logGroups().stream().filter(g -> target.name().equals(g.logGroupName())).findFirst();
    return group.map(g -> {
      String arn = arn(g);
      return new Found(arn, client.listTagsForResource(r -> r.resourceArn(arn)).tags());
    });
  }

  @Override
  public void tag(String region, Found found, Map<String, String> tags) {
    logs.in(region).tagResource(r -> r.resourceArn(found.arn()).tags(tags));
  }

  /** Without the {@code :*} suffix that DescribeLogGroups' {@code arn} carries: what TagResource takes. */
  static String arn(LogGroup group) {
    if (group.logGroupArn() != null) {
      return group.logGroupArn();
    }
    String arn = group.arn();
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }
}
