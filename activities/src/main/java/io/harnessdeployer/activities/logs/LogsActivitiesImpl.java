package io.harnessdeployer.activities.logs;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.LogGroupSpec;
import io.harnessdeployer.workflows.steps.LogsActivities;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.ResourceRef;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** The ECS service's log group: describe, then create with our tags, or adopt. */
public final class LogsActivitiesImpl implements LogsActivities {
  private static final Logger log = LoggerFactory.getLogger(LogsActivitiesImpl.class);

  private final Regional<CloudWatchLogsClient> logs;

  public LogsActivitiesImpl(Regional<CloudWatchLogsClient> logs) {
    this.logs = logs;
  }

  @Override
  public ResourceRef ensureLogGroup(LogGroupSpec spec) {
    String name = spec.logGroupName();
    CloudWatchLogsClient client = logs.in(spec.scope().region());
    try {
      Optional<LogGroup> existing = find(client, name);
      if (existing.isPresent()) {
        Map<String, String> tags = tags(client, existing.get());
        Ownership.require(spec.scope(), ResourceKind.LOG_GROUP, name, tags);
        Outcome outcome = Ownership.existing(spec.scope(), tags, false);
        log.info("log group {}: {}", name, outcome);
        return new ResourceRef(name, arn(existing.get()), outcome);
      }
      Outcome outcome = Outcome.CREATED;
      try {
        client.createLogGroup(r -> r.logGroupName(name).tags(spec.scope().tags()));
      } catch (SdkException e) {
        if (!AwsFailures.hasCode(e, "ResourceAlreadyExistsException")) {
          throw e;
        }
        outcome = null; // created meanwhile by another attempt: its tags decide
      }
      LogGroup group = find(client, name).orElseThrow(() -> AwsFailures.failure(
          io.harnessdeployer.workflows.common.FailureTypes.SERVICE_UNAVAILABLE,
          "log group " + name + " not visible yet after CreateLogGroup"));
      if (outcome == null) {
        Map<String, String> tags = tags(client, group);
        Ownership.require(spec.scope(), ResourceKind.LOG_GROUP, name, tags);
        outcome = Ownership.existing(spec.scope(), tags, false);
      }
      log.info("log group {}: {}", name, outcome);
      return new ResourceRef(name, arn(group), outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("CloudWatch Logs ensure log group " + name, e);
    }
  }

  @Override
  public DeleteResult deleteLogGroup(ResourceDelete input) {
    String name = input.id();
    CloudWatchLogsClient client = logs.in(input.scope().region());
    try {
      Optional<LogGroup> group = find(client, name);
      if (group.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "log group not found");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), tags(client, group.get()))) {
        return new DeleteResult(name, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      client.deleteLogGroup(r -> r.logGroupName(name));
      return new DeleteResult(name, DeleteOutcome.DELETED, "log group deleted with its streams");
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceNotFoundException")) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "log group not found");
      }
      throw AwsFailures.classify("CloudWatch Logs delete log group " + name, e);
    }
  }

  @Override
  public Observed describeLogGroup(Lookup input) {
    String name = input.id();
    CloudWatchLogsClient client = logs.in(input.scope().region());
    try {
      return find(client, name)
          .map(g -> new Observed(true, null, tags(client, g), Map.of("name", g.logGroupName(), "arn", arn(g))))
          .orElseGet(Observed::missing);
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceNotFoundException")) {
        return Observed.missing();
      }
      throw AwsFailures.classify("CloudWatch Logs describe log group " + name, e);
    }
  }

  /** The tags of the log group of that name; empty if there is none. */
  public Optional<Map<String, String>> liveTags(Scope scope, String name) {
    CloudWatchLogsClient client = logs.in(scope.region());
    return find(client, name).map(g -> tags(client, g));
  }

  /** DescribeLogGroups matches by prefix: pick the exact name. */
  private static Optional<LogGroup> find(CloudWatchLogsClient client, String name) {
    return client.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(name)).logGroups().stream()
        .filter(g -> name.equals(g.logGroupName()))
        .findFirst();
  }

  private static Map<String, String> tags(CloudWatchLogsClient client, LogGroup group) {
    return client.listTagsForResource(r -> r.resourceArn(arn(group))).tags();
  }

  /** The ARN without the {@code :*} suffix DescribeLogGroups' {@code arn} carries. */
  static String arn(LogGroup group) {
    if (group.logGroupArn() != null) {
      return group.logGroupArn();
    }
    String arn = group.arn();
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }
}
