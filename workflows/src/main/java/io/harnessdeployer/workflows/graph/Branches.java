package io.harnessdeployer.workflows.graph;

import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The nodes of a run that are in flight, each in its own detached scope. A cancel of the workflow
 * reaches none of them by itself: AWS calls run to their end (what they create must be known to
 * the rollback), and only waits are canceled, by {@link #stop}. Workflow code: deterministic.
 *
 * @param <R> what a branch returns
 */
public final class Branches<R> {
  private record Branch<R>(Step step, CancellationScope scope, Promise<R> result) {}

  private final Map<String, Branch<R>> running = new LinkedHashMap<>();
  private boolean stopped;

  public void start(String id, Step step, Function<Step, R> body) {
    step.stopPollsWhen(() -> stopped);
    List<Promise<R>> holder = new ArrayList<>(1);
    CancellationScope scope = Workflow.newDetachedCancellationScope(
        () -> holder.add(Async.function(() -> body.apply(step))));
    scope.run();
    running.put(id, new Branch<>(step, scope, holder.get(0)));
  }

  public boolean isEmpty() {
    return running.isEmpty();
  }

  /**
   * Blocks until a branch has ended. A cancel of the workflow arriving meanwhile stops the waits
   * in flight and no new one starts; the wait for the branches to end goes on.
   */
  public void awaitAny() {
    if (!stopIfCanceled()) {
      try {
        Workflow.await(this::anyCompleted);
        return;
      } catch (CanceledFailure e) {
        stop();
      }
    }
    Workflow.newDetachedCancellationScope(() -> Workflow.await(this::anyCompleted)).run();
  }

  /** Whether the workflow was canceled; the first time, the waits in flight are canceled. */
  public boolean stopIfCanceled() {
    if (!stopped && CancellationScope.current().isCancelRequested()) {
      stop();
    }
    return stopped;
  }

  /** Ended branches, in start order, removed from the running ones. */
  public Map<String, Promise<R>> takeCompleted() {
    Map<String, Promise<R>> done = new LinkedHashMap<>();
    for (String id : List.copyOf(running.keySet())) {
      Branch<R> b = running.get(id);
      if (b.result().isCompleted()) {
        running.remove(id);
        done.put(id, b.result());
      }
    }
    return done;
  }

  private void stop() {
    stopped = true;
    running.values().stream().filter(b -> b.step().polling()).forEach(b -> b.scope().cancel());
  }

  private boolean anyCompleted() {
    return running.values().stream().anyMatch(b -> b.result().isCompleted());
  }
}
