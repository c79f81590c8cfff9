package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.output.ProgressRow;
import io.harnessdeployer.client.output.Retry;
import io.harnessdeployer.client.temporal.StepCalls.StepCall;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.destroy.DestroyProgress;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The deploy and destroy workflows' progress queries as display rows. */
public final class ProgressRows {
  private ProgressRows() {}

  /** @param nowMillis to time running steps; workflow time and wall time agree closely enough */
  public static List<ProgressRow> of(DeployProgress progress, long nowMillis) {
    return of(progress, Map.of(), nowMillis);
  }

  /** @param calls the retried calls of running steps, by step id ({@link StepCalls#match}) */
  public static List<ProgressRow> of(DeployProgress progress, Map<String, StepCall> calls, long nowMillis) {
    List<ProgressRow> rows = new ArrayList<>();
    for (StepState s : progress.steps()) {
      rows.add(new ProgressRow(s.id(), s.title(), s.status().name(), elapsed(s, nowMillis), detail(s),
          retry(calls.get(s.id()), nowMillis)));
    }
    return rows;
  }

  /** A destroy's rows: each step's outcome ({@code deleted}, {@code kept by flag} …) or its failure. */
  public static List<ProgressRow> of(DestroyProgress progress, Map<String, StepCall> calls, long nowMillis) {
    List<ProgressRow> rows = new ArrayList<>();
    for (StepState s : progress.steps()) {
      String detail = s.status() == StepStatus.FAILED ? s.lastError()
          : s.compensation() == null ? "" : s.compensation().toLowerCase(Locale.ROOT).replace('_', ' ');
      rows.add(new ProgressRow(s.id(), s.title(), s.status().name(), elapsed(s, nowMillis), detail,
          retry(calls.get(s.id()), nowMillis)));
    }
    return rows;
  }

  /** Null when the step's call is not being retried. */
  static Retry retry(StepCall c, long now) {
    if (c == null) {
      return null;
    }
    Duration in = c.nextAttemptAt() == null ? null
        : Duration.ofMillis(Math.max(0, c.nextAttemptAt().toEpochMilli() - now));
    return new Retry(c.activity(), c.attempt(), c.lastError(), in, c.sharedBy());
  }

  private static Duration elapsed(StepState s, long now) {
    if (s.startedAt() == null) {
      return null;
    }
    long end = s.endedAt() != null ? s.endedAt() : now;
    return Duration.ofMillis(Math.max(0, end - s.startedAt()));
  }

  private static String detail(StepState s) {
    List<String> parts = new ArrayList<>();
    if (s.status() == StepStatus.FAILED || s.status() == StepStatus.PAUSED || s.status() == StepStatus.COMPENSATION_FAILED) {
      if (s.lastError() != null) {
        parts.add(s.lastError());
      }
    } else {
      if (s.resourceId() != null) {
        parts.add(s.resourceId());
      }
      if (s.outcome() != null) {
        parts.add(s.outcome().name().toLowerCase(Locale.ROOT));
      }
    }
    if (s.compensation() != null) {
      parts.add("undo: " + s.compensation());
    }
    if (s.attempts() > 1) {
      parts.add("run " + s.attempts()); // the operator's retries; "attempt" is the call's own count
    }
    return String.join(" ", parts);
  }
}
