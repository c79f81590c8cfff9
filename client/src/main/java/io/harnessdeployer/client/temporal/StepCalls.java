package io.harnessdeployer.client.temporal;

import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which running step waits on which retried call: a step names the activity type it waits on
 * ({@link StepState#activity()}), a pending activity carries only its type. Two running steps on
 * the same type (a destroy deleting two roles) cannot be told apart: both get the worst of those
 * calls, marked as shared.
 */
public final class StepCalls {
  private StepCalls() {}

  /**
   * A step's call that is being retried; what {@code status --output json} lists.
   *
   * @param sharedBy running steps waiting on this activity type; above 1 the pairing is a guess
   */
  public record StepCall(String step, String activity, int attempt, String lastError, Instant nextAttemptAt,
      int sharedBy) {}

  /** By step id, in plan order; only calls past their first attempt or with a failure. */
  public static Map<String, StepCall> match(List<StepState> steps, List<PendingCalls.Call> calls) {
    Map<String, List<StepState>> waiting = new LinkedHashMap<>();
    for (StepState s : steps) {
      if (s.activity() != null && (s.status() == StepStatus.RUNNING || s.status() == StepStatus.COMPENSATING)) {
        waiting.computeIfAbsent(s.activity(), k -> new ArrayList<>()).add(s);
      }
    }
    Map<String, StepCall> byStep = new LinkedHashMap<>();
    for (StepState s : steps) {
      List<StepState> same = s.activity() == null ? null : waiting.get(s.activity());
      if (same == null || !same.contains(s)) {
        continue;
      }
      calls.stream()
          .filter(c -> c.activity().equals(s.activity()) && (c.attempt() > 1 || c.lastError() != null))
          .max(Comparator.comparingInt(PendingCalls.Call::attempt))
          .ifPresent(c -> byStep.put(s.id(),
              new StepCall(s.id(), c.activity(), c.attempt(), c.lastError(), c.nextAttemptAt(), same.size())));
    }
    return byStep;
  }
}
