package io.harnessdeployer.emulator.services.logs;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.HandlerHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogsHandlerTest {
  static final String GROUP = "/ecs/zscaler-mcp";
  static final String GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP;

  final LogsHandler logs = new LogsHandler();
  final HandlerHarness h = new HandlerHarness(logs);

  @Test
  void append_createsAnAwsManagedGroupWhenAsked_elseDropsLinesForAMissingGroup() {
    String runtime = "/aws/bedrock-agentcore/runtimes/h-0123456789-DEFAULT";
    logs.append(HandlerHarness.ACCOUNT, HandlerHarness.REGION, GROUP, "mcp/main/1", h.now(), List.of("dropped"), false);
    logs.append(HandlerHarness.ACCOUNT, HandlerHarness.REGION, runtime, "s1", h.now(), List.of("one", "two"), true);
    assertEquals(List.of(runtime), ((List<?>) h.call("DescribeLogGroups", Map.of()).get("logGroups")).stream()
        .map(g -> ((Map<?, ?>) g).get("logGroupName")).toList());

    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    logs.append(HandlerHarness.ACCOUNT, HandlerHarness.REGION, GROUP, "mcp/main/1", h.now(), List.of("served"), false);
    List<?> events = (List<?>) h.call("FilterLogEvents", Map.of("logGroupName", GROUP)).get("events");
    assertEquals(1, events.size());
    assertEquals("served", ((Map<?, ?>) events.get(0)).get("message"));
    assertEquals("mcp/main/1", ((Map<?, ?>) events.get(0)).get("logStreamName"));
    assertEquals(2, ((List<?>) h.call("FilterLogEvents", Map.of("logGroupName", runtime)).get("events")).size());
  }

  @Test
  void operations_coverEveryModelOperation() {
    assertEquals(HandlerHarness.modelOperations("logs"), logs.operations().keySet());
  }

  @Test
  void logGroupLifecycle() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP, "tags", Map.of("managed-by", "harness")));
    Map<String, Object> g = onlyGroup(h.call("DescribeLogGroups", Map.of("logGroupNamePrefix", "/ecs/")));
    assertEquals(GROUP, g.get("logGroupName"));
    assertEquals(GROUP_ARN + ":*", g.get("arn"));
    assertEquals(GROUP_ARN, g.get("logGroupArn"));
    assertEquals(h.now().toEpochMilli(), g.get("creationTime"));
    assertNull(g.get("retentionInDays"));
    assertEquals("STANDARD", g.get("logGroupClass"));
    assertEquals(Map.of("managed-by", "harness"), h.call("ListTagsForResource", Map.of("resourceArn", GROUP_ARN)).get("tags"));

    h.call("PutRetentionPolicy", Map.of("logGroupName", GROUP, "retentionInDays", 30));
    assertEquals(30, onlyGroup(h.call("DescribeLogGroups", Map.of())).get("retentionInDays"));

    assertEquals(
        "The specified log group already exists",
        h.fails("CreateLogGroup", Map.of("logGroupName", GROUP), "ResourceAlreadyExistsException").getMessage());
    h.call("DeleteLogGroup", Map.of("logGroupName", GROUP));
    assertEquals(List.of(), h.call("DescribeLogGroups", Map.of()).get("logGroups"));
    assertEquals(
        "The specified log group does not exist.",
        h.fails("DeleteLogGroup", Map.of("logGroupName", GROUP), "ResourceNotFoundException").getMessage());
  }

  @Test
  void putRetentionPolicy_acceptsOnlyRealValues() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    String message =
        h.fails("PutRetentionPolicy", Map.of("logGroupName", GROUP, "retentionInDays", 4), "InvalidParameterException").getMessage();
    assertTrue(message.contains("Value '4' at 'retentionInDays'"), message);
    for (int days : List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)) {
      h.call("PutRetentionPolicy", Map.of("logGroupName", GROUP, "retentionInDays", days));
    }
    h.fails("PutRetentionPolicy", Map.of("logGroupName", "/nope", "retentionInDays", 7), "ResourceNotFoundException");
  }

  @Test
  void describeLogGroups_prefixPatternIdentifiersAndPaging() {
    for (String n : List.of("/aws/bedrock-agentcore/runtimes/h-1", "/aws/bedrock-agentcore/runtimes/H-2", "/ecs/a", "/ecs/b")) {
      h.call("CreateLogGroup", Map.of("logGroupName", n));
    }
    assertEquals(List.of("/aws/bedrock-agentcore/runtimes/H-2", "/aws/bedrock-agentcore/runtimes/h-1"),
        groupNames(h.call("DescribeLogGroups", Map.of("logGroupNamePrefix", "/aws/bedrock-agentcore/runtimes/"))));
    assertEquals(List.of("/aws/bedrock-agentcore/runtimes/H-2", "/aws/bedrock-agentcore/runtimes/h-1"),
        groupNames(h.call("DescribeLogGroups", Map.of("logGroupNamePattern", "h-"))), "patterns ignore case");
    assertEquals(List.of("/ecs/b"),
        groupNames(h.call("DescribeLogGroups", Map.of("logGroupIdentifiers", List.of("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/b")))));
    h.fails("DescribeLogGroups", Map.of("logGroupNamePrefix", "/a", "logGroupNamePattern", "b"), "InvalidParameterException");

    Map<String, Object> first = h.call("DescribeLogGroups", Map.of("limit", 3));
    assertEquals(3, groupNames(first).size());
    Map<String, Object> second = h.call("DescribeLogGroups", Map.of("limit", 3, "nextToken", first.get("nextToken")));
    assertEquals(List.of("/ecs/b"), groupNames(second));
    assertNull(second.get("nextToken"));
    h.fails("DescribeLogGroups", Map.of("nextToken", "nope"), "InvalidParameterException");
  }

  @Test
  void streamsAndEvents_putGetAndPageBothWays() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    h.call("CreateLogStream", Map.of("logGroupName", GROUP, "logStreamName", "web/1"));
    assertEquals(
        "The specified log stream already exists",
        h.fails("CreateLogStream", Map.of("logGroupName", GROUP, "logStreamName", "web/1"), "ResourceAlreadyExistsException").getMessage());
    h.fails("CreateLogStream", Map.of("logGroupName", "/nope", "logStreamName", "s"), "ResourceNotFoundException");

    long t0 = h.now().toEpochMilli() - 5_000;
    Map<String, Object> put = put("web/1", event(t0, "one"), event(t0 + 1, "two"), event(t0 + 2, "three"));
    assertNotNull(put.get("nextSequenceToken"));
    assertNull(put.get("rejectedLogEventsInfo"));

    Map<String, Object> head = h.call("GetLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "web/1", "startFromHead", true, "limit", 2));
    assertEquals(List.of("one", "two"), messages(head));
    assertEquals(h.now().toEpochMilli(), events(head).get(0).get("ingestionTime"));
    Map<String, Object> next = h.call("GetLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "web/1", "nextToken", head.get("nextForwardToken"), "limit", 2));
    assertEquals(List.of("three"), messages(next));
    Map<String, Object> end = h.call("GetLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "web/1", "nextToken", next.get("nextForwardToken")));
    assertEquals(List.of(), messages(end));
    assertEquals(next.get("nextForwardToken"), end.get("nextForwardToken"), "the same token at the end stops SDK paginators");

    Map<String, Object> tail = h.call("GetLogEvents", Map.of("logGroupIdentifier", GROUP_ARN, "logStreamName", "web/1", "limit", 1));
    assertEquals(List.of("three"), messages(tail), "without startFromHead the newest events come first");
    Map<String, Object> back = h.call("GetLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "web/1", "nextToken", tail.get("nextBackwardToken"), "limit", 5));
    assertEquals(List.of("one", "two"), messages(back));
    h.fails("GetLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "web/1", "nextToken", "x/1"), "InvalidParameterException");

    Map<String, Object> window = h.call("GetLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "web/1", "startTime", t0 + 1, "endTime", t0 + 1));
    assertEquals(List.of("two"), messages(window));

    Map<String, Object> stream = onlyStream(h.call("DescribeLogStreams", Map.of("logGroupName", GROUP)));
    assertEquals(t0, stream.get("firstEventTimestamp"));
    assertEquals(t0 + 2, stream.get("lastEventTimestamp"));
    assertEquals(GROUP_ARN + ":log-stream:web/1", stream.get("arn"));
    assertEquals(11L, stream.get("storedBytes"));
  }

  @Test
  void putLogEvents_validatesOrderAndRejectsOutOfRangeEvents() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    h.call("CreateLogStream", Map.of("logGroupName", GROUP, "logStreamName", "s"));
    long now = h.now().toEpochMilli();
    h.fails("PutLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "s", "logEvents", List.of(event(now, "b"), event(now - 1, "a"))), "InvalidParameterException");
    h.fails("PutLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "nope", "logEvents", List.of(event(now, "a"))), "ResourceNotFoundException");
    h.fails("PutLogEvents", Map.of("logGroupName", "/nope", "logStreamName", "s", "logEvents", List.of(event(now, "a"))), "ResourceNotFoundException");

    long old = now - Duration.ofDays(15).toMillis();
    long future = now + Duration.ofHours(3).toMillis();
    assertEquals(Map.of("tooOldLogEventEndIndex", 0), put("s", event(old, "old")).get("rejectedLogEventsInfo"));
    Map<String, Object> put = put("s", event(now - Duration.ofHours(20).toMillis(), "kept"), event(future, "future"));
    assertEquals(Map.of("tooNewLogEventStartIndex", 1), put.get("rejectedLogEventsInfo"));
    h.fails("PutLogEvents", Map.of("logGroupName", GROUP, "logStreamName", "s", "logEvents", List.of(event(old, "a"), event(now, "b"))),
        "InvalidParameterException");
    assertEquals(List.of("kept"), messages(h.call("FilterLogEvents", Map.of("logGroupName", GROUP))));

    h.call("PutRetentionPolicy", Map.of("logGroupName", GROUP, "retentionInDays", 1));
    assertEquals(List.of("kept"), messages(h.call("FilterLogEvents", Map.of("logGroupName", GROUP))));
    h.advance(Duration.ofHours(5));
    assertEquals(List.of(), messages(h.call("FilterLogEvents", Map.of("logGroupName", GROUP))), "retention expires events");
  }

  @Test
  void filterLogEvents_acrossStreams_withTimesPatternsLimitAndToken() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    h.call("CreateLogStream", Map.of("logGroupName", GROUP, "logStreamName", "a"));
    h.call("CreateLogStream", Map.of("logGroupName", GROUP, "logStreamName", "b"));
    long t = h.now().toEpochMilli() - 10_000;
    put("a", event(t, "INFO start"), event(t + 2, "ERROR boom"), event(t + 4, "INFO done"));
    put("b", event(t + 1, "INFO b-start"), event(t + 3, "ERROR \"quoted\" failure"));

    Map<String, Object> all = h.call("FilterLogEvents", Map.of("logGroupName", GROUP));
    assertEquals(List.of("INFO start", "INFO b-start", "ERROR boom", "ERROR \"quoted\" failure", "INFO done"), messages(all));
    assertEquals("b", events(all).get(1).get("logStreamName"));
    assertNotNull(events(all).get(0).get("eventId"));

    assertEquals(List.of("ERROR boom", "ERROR \"quoted\" failure"), messages(filter(Map.of("filterPattern", "ERROR"))));
    assertEquals(List.of("ERROR boom"), messages(filter(Map.of("filterPattern", "ERROR -failure"))));
    assertEquals(List.of("INFO start", "INFO b-start"), messages(filter(Map.of("filterPattern", "?start ?b-start"))));
    assertEquals(List.of("INFO done"), messages(filter(Map.of("filterPattern", "\"INFO done\""))));
    assertEquals(List.of("ERROR boom", "ERROR \"quoted\" failure"), messages(filter(Map.of("startTime", t + 2, "endTime", t + 3))));
    assertEquals(List.of("INFO start", "ERROR boom", "INFO done"), messages(filter(Map.of("logStreamNames", List.of("a")))));
    assertEquals(List.of("INFO b-start", "ERROR \"quoted\" failure"), messages(filter(Map.of("logStreamNamePrefix", "b"))));
    h.fails("FilterLogEvents", Map.of("logGroupName", GROUP, "filterPattern", "{ $.level = \"ERROR\" }"), "InvalidParameterException");
    h.fails("FilterLogEvents", Map.of("logGroupName", GROUP, "logStreamNames", List.of("a"), "logStreamNamePrefix", "a"), "InvalidParameterException");
    h.fails("FilterLogEvents", Map.of("logGroupName", GROUP, "logStreamNames", List.of("zzz")), "ResourceNotFoundException");
    h.fails("FilterLogEvents", Map.of("logGroupName", "/nope"), "ResourceNotFoundException");

    List<String> paged = new ArrayList<>();
    Object token = null;
    do {
      Map<String, Object> in = new HashMap<>(Map.of("limit", 2));
      if (token != null) in.put("nextToken", token);
      Map<String, Object> page = filter(in);
      paged.addAll(messages(page));
      token = page.get("nextToken");
    } while (token != null);
    assertEquals(messages(all), paged);
    h.fails("FilterLogEvents", Map.of("logGroupName", GROUP, "nextToken", "!!"), "InvalidParameterException");
  }

  @Test
  void describeLogStreams_ordersAndFilters() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    for (String s : List.of("b", "a", "c")) h.call("CreateLogStream", Map.of("logGroupName", GROUP, "logStreamName", s));
    long t = h.now().toEpochMilli();
    put("a", event(t - 10, "x"));
    put("c", event(t - 20, "x"));
    assertEquals(List.of("a", "b", "c"), streamNames(h.call("DescribeLogStreams", Map.of("logGroupName", GROUP))));
    assertEquals(List.of("c", "b", "a"), streamNames(h.call("DescribeLogStreams", Map.of("logGroupName", GROUP, "descending", true))));
    assertEquals(List.of("a", "c", "b"), streamNames(h.call("DescribeLogStreams", Map.of("logGroupName", GROUP, "orderBy", "LastEventTime", "descending", true))));
    h.fails("DescribeLogStreams", Map.of("logGroupName", GROUP, "orderBy", "LastEventTime", "logStreamNamePrefix", "a"), "InvalidParameterException");
    h.fails("DescribeLogStreams", Map.of("logGroupName", GROUP, "logGroupIdentifier", GROUP), "InvalidParameterException");
    h.fails("DescribeLogStreams", Map.of(), "InvalidParameterException");
    h.fails("DescribeLogStreams", Map.of("logGroupName", "/nope"), "ResourceNotFoundException");
  }

  @Test
  void tags_byArnWithOrWithoutStar() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP, "tags", Map.of("a", "1")));
    h.call("TagResource", Map.of("resourceArn", GROUP_ARN + ":*", "tags", Map.of("b", "2")));
    h.call("UntagResource", Map.of("resourceArn", GROUP_ARN, "tagKeys", List.of("a")));
    assertEquals(Map.of("b", "2"), h.call("ListTagsForResource", Map.of("resourceArn", GROUP_ARN)).get("tags"));
    assertEquals(List.of(new ResourceView("logs", "log-group", GROUP, GROUP_ARN, "ACTIVE", Map.of("b", "2"))), logs.resources());

    h.fails("ListTagsForResource", Map.of("resourceArn", GROUP_ARN + "-missing"), "ResourceNotFoundException");
    h.fails("TagResource", Map.of("resourceArn", "arn:aws:logs:eu-west-1:123456789012:log-group:" + GROUP, "tags", Map.of("k", "v")), "InvalidParameterException");
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 50; i++) many.put("k" + i, "v");
    assertEquals(GROUP_ARN, h.fails("TagResource", Map.of("resourceArn", GROUP_ARN, "tags", many), "TooManyTagsException").fields().get("resourceName"));
  }

  @Test
  void deletionProtection_blocksDelete() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP, "deletionProtectionEnabled", true));
    h.fails("DeleteLogGroup", Map.of("logGroupName", GROUP), "ValidationException");
    assertEquals(true, onlyGroup(h.call("DescribeLogGroups", Map.of())).get("deletionProtectionEnabled"));
  }

  @Test
  void groupsAreRegional_andResetForgetsThem() {
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    h.as(HandlerHarness.ACCOUNT, "eu-west-1");
    assertEquals(List.of(), h.call("DescribeLogGroups", Map.of()).get("logGroups"));
    h.call("CreateLogGroup", Map.of("logGroupName", GROUP));
    assertEquals(2, logs.resources().size());
    logs.reset();
    assertEquals(List.of(), logs.resources());
  }

  // --- helpers

  private Map<String, Object> put(String stream, Map<String, Object>... events) {
    return h.call("PutLogEvents", Map.of("logGroupName", GROUP, "logStreamName", stream, "logEvents", List.of(events)));
  }

  private Map<String, Object> filter(Map<String, Object> extra) {
    Map<String, Object> in = new HashMap<>(extra);
    in.put("logGroupName", GROUP);
    return h.call("FilterLogEvents", in);
  }

  static Map<String, Object> event(long timestamp, String message) {
    return Map.of("timestamp", timestamp, "message", message);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> events(Map<String, Object> out) {
    return (List<Map<String, Object>>) out.get("events");
  }

  static List<String> messages(Map<String, Object> out) {
    return events(out).stream().map(e -> (String) e.get("message")).toList();
  }

  @SuppressWarnings("unchecked")
  static List<String> groupNames(Map<String, Object> out) {
    return ((List<Map<String, Object>>) out.get("logGroups")).stream().map(g -> (String) g.get("logGroupName")).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> onlyGroup(Map<String, Object> out) {
    List<Map<String, Object>> groups = (List<Map<String, Object>>) out.get("logGroups");
    assertEquals(1, groups.size());
    return groups.get(0);
  }

  @SuppressWarnings("unchecked")
  static List<String> streamNames(Map<String, Object> out) {
    return ((List<Map<String, Object>>) out.get("logStreams")).stream().map(g -> (String) g.get("logStreamName")).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> onlyStream(Map<String, Object> out) {
    List<Map<String, Object>> streams = (List<Map<String, Object>>) out.get("logStreams");
    assertEquals(1, streams.size());
    return streams.get(0);
  }
}
