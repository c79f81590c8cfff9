package io.harnessdeployer.emulator.services.logs;

import static io.harnessdeployer.emulator.services.logs.LogsConstants.*;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.common.Output;
import io.harnessdeployer.emulator.services.common.Page;
import io.harnessdeployer.emulator.services.common.Params;
import io.harnessdeployer.emulator.services.common.StoreHandler;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** CloudWatch Logs: log groups, streams, events, retention and tags. Regional. */
public final class LogsHandler extends StoreHandler<LogsState> {

  public LogsHandler() {
    super(SERVICE, AccountRegionStore.regional(LogsState::new));
    on("CreateLogGroup", this::createLogGroup);
    on("DescribeLogGroups", this::describeLogGroups);
    on("DeleteLogGroup", this::deleteLogGroup);
    on("PutRetentionPolicy", this::putRetentionPolicy);
    on("CreateLogStream", this::createLogStream);
    on("DescribeLogStreams", this::describeLogStreams);
    on("PutLogEvents", this::putLogEvents);
    on("GetLogEvents", this::getLogEvents);
    on("FilterLogEvents", this::filterLogEvents);
    on("TagResource", this::tagResource);
    on("UntagResource", this::untagResource);
    on("ListTagsForResource", this::listTagsForResource);
  }

  @Override
  public synchronized List<ResourceView> resources() {
    List<ResourceView> out = new ArrayList<>();
    for (LogsState s : store.all()) {
      for (LogGroup g : s.groups.values()) {
        out.add(new ResourceView(SERVICE, RESOURCE_TYPE, g.name, g.logGroupArn, STATUS_ACTIVE, Map.copyOf(g.tags)));
      }
    }
    return out;
  }

  /** What a service's log agent writes: see {@link io.harnessdeployer.emulator.runtime.CloudLookup#writeLog}. */
  public synchronized void append(String accountId, String region, String group, String stream, java.time.Instant at,
      List<String> lines, boolean createGroup) {
    RequestContext ctx = io.harnessdeployer.emulator.services.common.Contexts.lookup(SERVICE, accountId, region);
    LogsState state = store.of(ctx);
    LogGroup g = state.groups.get(group);
    if (g == null && !createGroup) return;
    long now = at.toEpochMilli();
    if (g == null) {
      g = new LogGroup(group, ctx.arn(SERVICE, LOG_GROUP_PREFIX + group), now, null, DEFAULT_CLASS, false);
      state.groups.put(group, g);
    }
    LogGroup owner = g;
    LogStream s = g.streams.computeIfAbsent(stream, n -> new LogStream(n, owner.logGroupArn + LOG_STREAM_INFIX + n, now));
    List<LogStream.Event> batch = new ArrayList<>();
    for (String line : lines) batch.add(new LogStream.Event(state.nextEventSeq(), s.name, now, now, line));
    s.add(batch, now);
  }

  // --- log groups

  private synchronized Map<String, Object> createLogGroup(RequestContext ctx, Map<String, Object> in) {
    LogsState state = store.of(ctx);
    String name = Params.string(in, "logGroupName");
    if (state.groups.containsKey(name)) throw AwsServiceError.of(ALREADY_EXISTS, GROUP_EXISTS);
    LogGroup g =
        new LogGroup(
            name,
            ctx.arn(SERVICE, LOG_GROUP_PREFIX + name),
            ctx.now().toEpochMilli(),
            Params.string(in, "kmsKeyId"),
            Optional.ofNullable(Params.string(in, "logGroupClass")).orElse(DEFAULT_CLASS),
            Params.flag(in, "deletionProtectionEnabled"));
    g.tags.putAll(Params.stringMap(in, "tags"));
    state.groups.put(name, g);
    return Output.empty();
  }

  private synchronized Map<String, Object> describeLogGroups(RequestContext ctx, Map<String, Object> in) {
    String prefix = Params.string(in, "logGroupNamePrefix");
    String pattern = Params.string(in, "logGroupNamePattern");
    if (prefix != null && pattern != null) throw AwsServiceError.of(INVALID_PARAMETER, PREFIX_AND_PATTERN);
    Set<String> identifiers = new HashSet<>(Params.strings(in, "logGroupIdentifiers"));
    String groupClass = Params.string(in, "logGroupClass");
    String lowerPattern = pattern == null ? null : pattern.toLowerCase(Locale.ROOT);
    List<LogGroup> matching =
        store.of(ctx).groups.values().stream()
            .filter(g -> prefix == null || g.name.startsWith(prefix))
            .filter(g -> lowerPattern == null || g.name.toLowerCase(Locale.ROOT).contains(lowerPattern))
            .filter(g -> identifiers.isEmpty() || identifiers.contains(g.name) || identifiers.contains(g.logGroupArn))
            .filter(g -> groupClass == null || groupClass.equals(g.logGroupClass))
            .toList();
    Page<LogGroup> page = page(matching, in, DEFAULT_DESCRIBE_LIMIT);
    List<Object> groups = new ArrayList<>();
    page.items().forEach(g -> groups.add(groupView(g)));
    return Output.of().put("logGroups", groups).put("nextToken", page.nextToken()).build();
  }

  private synchronized Map<String, Object> deleteLogGroup(RequestContext ctx, Map<String, Object> in) {
    LogGroup g = group(ctx, Params.string(in, "logGroupName"));
    if (g.deletionProtection) throw AwsServiceError.of(VALIDATION, deletionProtected(g.name));
    store.of(ctx).groups.remove(g.name);
    return Output.empty();
  }

  private synchronized Map<String, Object> putRetentionPolicy(RequestContext ctx, Map<String, Object> in) {
    Integer days = Params.integer(in, "retentionInDays");
    if (!RETENTION_DAYS.contains(days)) throw AwsServiceError.of(INVALID_PARAMETER, invalidRetention(days));
    group(ctx, Params.string(in, "logGroupName")).retentionInDays = days;
    return Output.empty();
  }

  // --- streams and events

  private synchronized Map<String, Object> createLogStream(RequestContext ctx, Map<String, Object> in) {
    LogGroup g = group(ctx, Params.string(in, "logGroupName"));
    String name = Params.string(in, "logStreamName");
    if (g.streams.containsKey(name)) throw AwsServiceError.of(ALREADY_EXISTS, STREAM_EXISTS);
    g.streams.put(name, new LogStream(name, g.logGroupArn + LOG_STREAM_INFIX + name, ctx.now().toEpochMilli()));
    return Output.empty();
  }

  private synchronized Map<String, Object> describeLogStreams(RequestContext ctx, Map<String, Object> in) {
    LogGroup g = groupByNameOrIdentifier(ctx, in);
    String prefix = Params.string(in, "logStreamNamePrefix");
    String orderBy = Optional.ofNullable(Params.string(in, "orderBy")).orElse(ORDER_BY_NAME);
    if (ORDER_BY_LAST_EVENT.equals(orderBy) && prefix != null) {
      throw AwsServiceError.of(INVALID_PARAMETER, ORDER_BY_WITH_PREFIX);
    }
    Comparator<LogStream> order =
        ORDER_BY_LAST_EVENT.equals(orderBy)
            ? Comparator.comparing(LogStream::lastEventTimestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(s -> s.name)
            : Comparator.comparing(s -> s.name);
    if (Params.flag(in, "descending")) order = order.reversed();
    List<LogStream> streams =
        g.streams.values().stream().filter(s -> prefix == null || s.name.startsWith(prefix)).sorted(order).toList();
    Page<LogStream> page = page(streams, in, DEFAULT_DESCRIBE_LIMIT);
    List<Object> out = new ArrayList<>();
    page.items().forEach(s -> out.add(streamView(s)));
    return Output.of().put("logStreams", out).put("nextToken", page.nextToken()).build();
  }

  private synchronized Map<String, Object> putLogEvents(RequestContext ctx, Map<String, Object> in) {
    LogsState state = store.of(ctx);
    LogGroup g = group(ctx, Params.string(in, "logGroupName"));
    LogStream stream = stream(g, Params.string(in, "logStreamName"));
    List<Map<String, Object>> events = Params.structures(in, "logEvents");
    long now = ctx.now().toEpochMilli();
    long oldest = now - MAX_EVENT_AGE.toMillis();
    long newest = now + MAX_EVENT_AHEAD.toMillis();
    Long expiredBefore = g.retentionInDays == null ? null : now - java.time.Duration.ofDays(g.retentionInDays).toMillis();

    Output rejected = Output.of();
    List<LogStream.Event> accepted = new ArrayList<>();
    long previous = Long.MIN_VALUE;
    Long first = null;
    for (int i = 0; i < events.size(); i++) {
      long ts = Params.longValue(events.get(i), "timestamp");
      if (ts < previous) throw AwsServiceError.of(INVALID_PARAMETER, NOT_CHRONOLOGICAL);
      previous = ts;
      if (first == null) first = ts;
      if (ts - first > MAX_BATCH_SPAN.toMillis()) throw AwsServiceError.of(INVALID_PARAMETER, BATCH_TOO_LONG);
      if (expiredBefore != null && ts < expiredBefore) {
        rejected.put("expiredLogEventEndIndex", i);
      } else if (ts < oldest) {
        rejected.put("tooOldLogEventEndIndex", i);
      } else if (ts > newest) {
        if (!rejected.build().containsKey("tooNewLogEventStartIndex")) rejected.put("tooNewLogEventStartIndex", i);
      } else {
        accepted.add(new LogStream.Event(state.nextEventSeq(), stream.name, ts, now, Params.string(events.get(i), "message")));
      }
    }
    stream.add(accepted, now);
    Map<String, Object> rejectedInfo = rejected.build();
    return Output.of()
        .put("nextSequenceToken", String.format("%056d", stream.uploadSequence))
        .put("rejectedLogEventsInfo", rejectedInfo.isEmpty() ? null : rejectedInfo)
        .build();
  }

  private synchronized Map<String, Object> getLogEvents(RequestContext ctx, Map<String, Object> in) {
    LogGroup g = groupByNameOrIdentifier(ctx, in);
    LogStream stream = stream(g, Params.string(in, "logStreamName"));
    List<LogStream.Event> events = stream.events.stream().filter(inWindow(ctx, g, in)).toList();
    Integer limit = Params.integer(in, "limit");
    EventPages.StreamPage page =
        EventPages.streamPage(
            events, Params.string(in, "nextToken"), limit == null ? DEFAULT_EVENTS_LIMIT : limit, Params.flag(in, "startFromHead"));
    List<Object> out = new ArrayList<>();
    page.events()
        .forEach(
            e -> out.add(Output.of().put("timestamp", e.timestamp()).put("message", e.message()).put("ingestionTime", e.ingestionTime()).build()));
    return Output.of()
        .put("events", out)
        .put("nextForwardToken", page.forward())
        .put("nextBackwardToken", page.backward())
        .build();
  }

  private synchronized Map<String, Object> filterLogEvents(RequestContext ctx, Map<String, Object> in) {
    LogGroup g = groupByNameOrIdentifier(ctx, in);
    List<String> names = Params.strings(in, "logStreamNames");
    String prefix = Params.string(in, "logStreamNamePrefix");
    if (!names.isEmpty() && prefix != null) throw AwsServiceError.of(INVALID_PARAMETER, STREAM_NAMES_AND_PREFIX);
    List<LogStream> streams =
        names.isEmpty()
            ? g.streams.values().stream().filter(s -> prefix == null || s.name.startsWith(prefix)).toList()
            : names.stream().map(n -> stream(g, n)).toList();
    Predicate<String> pattern = FilterPatterns.compile(Params.string(in, "filterPattern"));
    List<LogStream.Event> events =
        streams.stream()
            .flatMap(s -> s.events.stream())
            .filter(inWindow(ctx, g, in))
            .filter(e -> pattern.test(e.message()))
            .sorted(LogStream.Event.ORDER)
            .toList();
    Integer limit = Params.integer(in, "limit");
    EventPages.FilterPage page =
        EventPages.filterPage(events, Params.string(in, "nextToken"), limit == null ? DEFAULT_EVENTS_LIMIT : limit);
    List<Object> out = new ArrayList<>();
    page.events()
        .forEach(
            e ->
                out.add(
                    Output.of()
                        .put("logStreamName", e.stream())
                        .put("timestamp", e.timestamp())
                        .put("message", e.message())
                        .put("ingestionTime", e.ingestionTime())
                        .put("eventId", e.eventId())
                        .build()));
    List<Object> searched = new ArrayList<>();
    streams.forEach(s -> searched.add(Output.of().put("logStreamName", s.name).put("searchedCompletely", true).build()));
    return Output.of().put("events", out).put("searchedLogStreams", searched).put("nextToken", page.nextToken()).build();
  }

  // --- tags

  private synchronized Map<String, Object> tagResource(RequestContext ctx, Map<String, Object> in) {
    String arn = Params.string(in, "resourceArn");
    LogGroup g = groupByArn(ctx, arn);
    Map<String, String> merged = new LinkedHashMap<>(g.tags);
    merged.putAll(Params.stringMap(in, "tags"));
    if (merged.size() > MAX_TAGS) throw AwsServiceError.of(TOO_MANY_TAGS, TAG_LIMIT).with("resourceName", arn);
    g.tags.putAll(merged);
    return Output.empty();
  }

  private synchronized Map<String, Object> untagResource(RequestContext ctx, Map<String, Object> in) {
    groupByArn(ctx, Params.string(in, "resourceArn")).tags.keySet().removeAll(Params.strings(in, "tagKeys"));
    return Output.empty();
  }

  private synchronized Map<String, Object> listTagsForResource(RequestContext ctx, Map<String, Object> in) {
    return Output.of().put("tags", new LinkedHashMap<>(groupByArn(ctx, Params.string(in, "resourceArn")).tags)).build();
  }

  // --- helpers

  private LogGroup group(RequestContext ctx, String name) {
    LogGroup g = name == null ? null : store.of(ctx).groups.get(name);
    if (g == null) throw AwsServiceError.of(RESOURCE_NOT_FOUND, GROUP_NOT_FOUND);
    return g;
  }

  /** GetLogEvents, FilterLogEvents and DescribeLogStreams take a name or an identifier (name or ARN). */
  private LogGroup groupByNameOrIdentifier(RequestContext ctx, Map<String, Object> in) {
    String name = Params.string(in, "logGroupName");
    String identifier = Params.string(in, "logGroupIdentifier");
    if (name != null && identifier != null) throw AwsServiceError.of(INVALID_PARAMETER, NAME_AND_IDENTIFIER);
    if (name == null && identifier == null) throw AwsServiceError.of(INVALID_PARAMETER, NAME_OR_IDENTIFIER);
    if (name != null) return group(ctx, name);
    return identifier.startsWith("arn:") ? groupByArn(ctx, identifier) : group(ctx, identifier);
  }

  /** A log group ARN of this account and region, with or without the {@code :*} suffix. */
  private LogGroup groupByArn(RequestContext ctx, String arn) {
    String prefix = ctx.arn(SERVICE, LOG_GROUP_PREFIX);
    if (arn == null || !arn.startsWith(prefix)) throw AwsServiceError.of(INVALID_PARAMETER, invalidArn(arn));
    String name = arn.substring(prefix.length());
    if (name.endsWith(ALL_STREAMS_SUFFIX)) name = name.substring(0, name.length() - ALL_STREAMS_SUFFIX.length());
    return group(ctx, name);
  }

  private static LogStream stream(LogGroup g, String name) {
    LogStream s = name == null ? null : g.streams.get(name);
    if (s == null) throw AwsServiceError.of(RESOURCE_NOT_FOUND, STREAM_NOT_FOUND);
    return s;
  }

  /** startTime and endTime are inclusive; events past the group's retention are gone. */
  private static Predicate<LogStream.Event> inWindow(RequestContext ctx, LogGroup g, Map<String, Object> in) {
    Long start = Params.longValue(in, "startTime");
    Long end = Params.longValue(in, "endTime");
    Long retainedFrom =
        g.retentionInDays == null ? null : ctx.now().toEpochMilli() - java.time.Duration.ofDays(g.retentionInDays).toMillis();
    return e ->
        (start == null || e.timestamp() >= start)
            && (end == null || e.timestamp() <= end)
            && (retainedFrom == null || e.timestamp() >= retainedFrom);
  }

  private static <T> Page<T> page(List<T> items, Map<String, Object> in, int defaultLimit) {
    Integer limit = Params.integer(in, "limit");
    return Page.of(
        items, Params.string(in, "nextToken"), limit == null ? defaultLimit : limit,
        () -> AwsServiceError.of(INVALID_PARAMETER, INVALID_TOKEN));
  }

  private static Map<String, Object> groupView(LogGroup g) {
    return Output.of()
        .put("logGroupName", g.name)
        .put("creationTime", g.creationTime)
        .put("retentionInDays", g.retentionInDays)
        .put("metricFilterCount", 0)
        .put("arn", g.logGroupArn + ALL_STREAMS_SUFFIX)
        .put("storedBytes", g.storedBytes())
        .put("kmsKeyId", g.kmsKeyId)
        .put("logGroupClass", g.logGroupClass)
        .put("logGroupArn", g.logGroupArn)
        .put("deletionProtectionEnabled", g.deletionProtection)
        .build();
  }

  private static Map<String, Object> streamView(LogStream s) {
    return Output.of()
        .put("logStreamName", s.name)
        .put("creationTime", s.creationTime)
        .put("firstEventTimestamp", s.firstEventTimestamp())
        .put("lastEventTimestamp", s.lastEventTimestamp())
        .put("lastIngestionTime", s.lastIngestionTime)
        .put("uploadSequenceToken", s.uploadSequence == 0 ? null : String.format("%056d", s.uploadSequence))
        .put("arn", s.arn)
        .put("storedBytes", s.storedBytes)
        .build();
  }
}
