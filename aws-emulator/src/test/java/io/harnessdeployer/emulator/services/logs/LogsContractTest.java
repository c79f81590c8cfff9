package io.harnessdeployer.emulator.services.logs;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs through the real SDK client, paginators included. */
class LogsContractTest {
  static final String GROUP = "/aws/bedrock-agentcore/runtimes/harness-1";
  static Emulator emulator;
  static CloudWatchLogsClient logs;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().build().start();
    logs = Clients.of(CloudWatchLogsClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    logs.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.handlers().forEach(ServiceHandler::reset);
  }

  @Test
  void logGroupLifecycle_withStreamsEventsAndTags() {
    logs.createLogGroup(r -> r.logGroupName(GROUP).tags(Map.of("managed-by", "harness")));
    for (int i = 0; i < 3; i++) {
      String name = "/aws/bedrock-agentcore/runtimes/other-" + i;
      logs.createLogGroup(r -> r.logGroupName(name));
    }
    List<LogGroup> groups =
        logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/aws/bedrock-agentcore/runtimes/").limit(2)).logGroups().stream().toList();
    assertEquals(4, groups.size());
    LogGroup group = groups.get(0);
    assertEquals(GROUP, group.logGroupName());
    String arn = "arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP;
    assertEquals(arn + ":*", group.arn());
    assertEquals(arn, group.logGroupArn());
    assertNotNull(group.creationTime());

    logs.putRetentionPolicy(r -> r.logGroupName(GROUP).retentionInDays(14));
    assertEquals(14, logs.describeLogGroups(r -> r.logGroupNamePattern("HARNESS-1")).logGroups().get(0).retentionInDays());

    logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName("runtime/1"));
    long now = Instant.now().toEpochMilli();
    logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName("runtime/1").logEvents(
        InputLogEvent.builder().timestamp(now - 3).message("INFO started").build(),
        InputLogEvent.builder().timestamp(now - 2).message("ERROR tool failed").build(),
        InputLogEvent.builder().timestamp(now - 1).message("INFO done").build()));

    List<String> all =
        logs.getLogEventsPaginator(r -> r.logGroupName(GROUP).logStreamName("runtime/1").startFromHead(true).limit(2))
            .events().stream().map(OutputLogEvent::message).toList();
    assertEquals(List.of("INFO started", "ERROR tool failed", "INFO done"), all);

    List<FilteredLogEvent> errors =
        logs.filterLogEvents(r -> r.logGroupName(GROUP).startTime(now - 600_000).limit(200).filterPattern("ERROR")).events();
    assertEquals(1, errors.size());
    assertEquals("ERROR tool failed", errors.get(0).message());
    assertEquals("runtime/1", errors.get(0).logStreamName());
    assertEquals(
        List.of("INFO started", "ERROR tool failed", "INFO done"),
        logs.filterLogEventsPaginator(r -> r.logGroupName(GROUP).limit(1)).events().stream().map(FilteredLogEvent::message).toList());

    logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("deployment", "d-1")));
    logs.untagResource(r -> r.resourceArn(arn).tagKeys("managed-by"));
    assertEquals(Map.of("deployment", "d-1"), logs.listTagsForResource(r -> r.resourceArn(arn)).tags());

    logs.deleteLogGroup(r -> r.logGroupName(GROUP));
    assertEquals(List.of(), logs.describeLogGroups(r -> r.logGroupNamePrefix(GROUP)).logGroups());
  }

  @Test
  void modeledErrors_reachTheClientAsTheirExceptions() {
    logs.createLogGroup(r -> r.logGroupName(GROUP));
    ResourceAlreadyExistsException exists =
        assertThrows(ResourceAlreadyExistsException.class, () -> logs.createLogGroup(r -> r.logGroupName(GROUP)));
    assertEquals(400, exists.statusCode());
    assertEquals("The specified log group already exists", exists.awsErrorDetails().errorMessage());

    ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> logs.deleteLogGroup(r -> r.logGroupName("/nope")));
    assertEquals("The specified log group does not exist.", missing.awsErrorDetails().errorMessage());
    assertThrows(ResourceNotFoundException.class, () -> logs.filterLogEvents(r -> r.logGroupName("/nope")));
    assertThrows(ResourceNotFoundException.class,
        () -> logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName("absent")
            .logEvents(InputLogEvent.builder().timestamp(Instant.now().toEpochMilli()).message("m").build())));
    assertThrows(InvalidParameterException.class, () -> logs.putRetentionPolicy(r -> r.logGroupName(GROUP).retentionInDays(4)));
  }
}
