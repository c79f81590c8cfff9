package io.harnessdeployer.bench;

import io.harnessdeployer.emulator.control.RequestLog;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The AWS calls one workflow run made, from the emulator's request log, in three kinds:
 *
 * <ul>
 *   <li><b>poll</b>: a status read made by a wait activity ({@code await*}): one of {@link
 *       #POLL_OPERATIONS}, answered while an {@code Await*} activity of this run was open (between
 *       its ActivityTaskScheduled and its close event in the run's history);
 *   <li><b>describe</b>: every other read (operation named Describe*, Get* or List*);
 *   <li><b>mutate</b>: everything else (Create*, Put*, Update*, Delete*, Tag*, ...).
 * </ul>
 *
 * Requests to a service's simulated public endpoint (the health check's {@code GET /health}, logged
 * with the path as operation) are no AWS calls: they are counted apart, as {@code health}.
 *
 * Calls answered with an error status (the not-found answer of a lookup before a create, a create
 * naming a role IAM has not propagated yet) count in their kind like any other, and in {@code
 * rejected} too.
 *
 * <p>Only one run is in flight while its calls are counted, so every log entry in its window is its own.
 */
record CallCounts(int describe, int poll, int mutate, int health, int rejected, Map<String, Integer> byOperation) {
  /** What the await activities read: ECS Express service status and harness status. */
  static final Set<String> POLL_OPERATIONS = Set.of("DescribeExpressGatewayService", "GetHarness", "GetAgentRuntime",
      "GetGateway", "GetGatewayTarget");

  int total() {
    return describe + poll + mutate;
  }

  static CallCounts of(List<RequestLog.Entry> entries, List<HistoryEvent> history) {
    List<Instant[]> waits = awaitWindows(history);
    int describe = 0;
    int poll = 0;
    int mutate = 0;
    int health = 0;
    int rejected = 0;
    Map<String, Integer> byOperation = new TreeMap<>();
    for (RequestLog.Entry e : entries) {
      if (e.status() >= 300 && !e.operation().startsWith("/")) {
        rejected++;
      }
      String kind;
      if (e.operation().startsWith("/")) {
        kind = "health";
        health++;
      } else if (!isRead(e.operation())) {
        kind = "mutate";
        mutate++;
      } else if (POLL_OPERATIONS.contains(e.operation()) && inside(waits, e.time())) {
        kind = "poll";
        poll++;
      } else {
        kind = "describe";
        describe++;
      }
      byOperation.merge(kind + " " + e.service() + "." + e.operation(), 1, Integer::sum);
    }
    return new CallCounts(describe, poll, mutate, health, rejected, byOperation);
  }

  static boolean isRead(String operation) {
    return operation.startsWith("Describe") || operation.startsWith("Get") || operation.startsWith("List")
        || operation.startsWith("BatchGet");
  }

  private static boolean inside(List<Instant[]> windows, Instant t) {
    for (Instant[] w : windows) {
      if (!t.isBefore(w[0]) && !t.isAfter(w[1])) {
        return true;
      }
    }
    return false;
  }

  /** [scheduled, closed] of every activity whose type starts with {@code Await}. */
  private static List<Instant[]> awaitWindows(List<HistoryEvent> history) {
    Map<Long, Instant> scheduled = new HashMap<>();
    List<Instant[]> windows = new ArrayList<>();
    for (HistoryEvent e : history) {
      Instant at = Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
      if (e.hasActivityTaskScheduledEventAttributes()) {
        if (e.getActivityTaskScheduledEventAttributes().getActivityType().getName().startsWith("Await")) {
          scheduled.put(e.getEventId(), at);
        }
        continue;
      }
      long id;
      if (e.hasActivityTaskCompletedEventAttributes()) {
        id = e.getActivityTaskCompletedEventAttributes().getScheduledEventId();
      } else if (e.hasActivityTaskFailedEventAttributes()) {
        id = e.getActivityTaskFailedEventAttributes().getScheduledEventId();
      } else if (e.hasActivityTaskTimedOutEventAttributes()) {
        id = e.getActivityTaskTimedOutEventAttributes().getScheduledEventId();
      } else if (e.hasActivityTaskCanceledEventAttributes()) {
        id = e.getActivityTaskCanceledEventAttributes().getScheduledEventId();
      } else {
        continue;
      }
      Instant from = scheduled.remove(id);
      if (from != null) {
        windows.add(new Instant[] {from, at});
      }
    }
    scheduled.values().forEach(from -> windows.add(new Instant[] {from, Instant.MAX})); // still open
    return windows;
  }
}
