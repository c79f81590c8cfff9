package io.harnessdeployer.workflows.destroy;

import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.graph.Branches;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.progress.ProgressBoard;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Destroy over the resource graph: a resource's delete starts once the deletes of everything that
 * uses it have ended, so independent ones (the harness and the service drain) run at once. A failed
 * delete is reported and the walk goes on. Workflow code: deterministic.
 */
final class GraphDestroy {
  private final Graph graph;
  private final Set<String> kept;
  private final ProgressBoard<DestroyStatus> board;
  private final Map<String, Done> ended = new HashMap<>();
  private final Branches<Done> running = new Branches<>();

  GraphDestroy(Graph graph, Set<String> kept, ProgressBoard<DestroyStatus> board) {
    this.graph = graph;
    this.kept = kept;
    this.board = board;
  }

  /** One report per resource, in teardown order; CanceledFailure once the deletes in flight end. */
  List<ResourceReport> run() {
    Set<String> todo = new LinkedHashSet<>();
    graph.teardown().forEach(n -> todo.add(n.id()));
    while (!todo.isEmpty() || !running.isEmpty()) {
      boolean canceled = running.stopIfCanceled();
      if (!canceled) {
        startReady(todo);
      }
      if (running.isEmpty()) {
        if (canceled) {
          throw new CanceledFailure("destroy canceled; every delete in flight has ended");
        }
        continue;
      }
      running.awaitAny();
      collect();
    }
    return graph.teardown().stream().map(n -> new ResourceReport(n.id(), n.kind(), n.name(),
        ended.get(n.id()).outcome(), ended.get(n.id()).detail())).toList();
  }

  private void startReady(Set<String> todo) {
    board.hold();
    boolean progressed = true;
    while (progressed) { // a kept resource ends at once and may free others
      progressed = false;
      for (String id : List.copyOf(todo)) {
        List<String> before = graph.deletedBefore(id);
        if (!before.stream().allMatch(ended::containsKey)) {
          continue;
        }
        todo.remove(id);
        progressed = true;
        Node node = graph.node(id);
        if (node.keptBy() != null && kept.contains(node.keptBy())) {
          end(node, new Done(DestroyOutcome.KEPT_BY_FLAG, "kept: " + node.keptBy()));
          continue;
        }
        Map<String, Done> dependents = new HashMap<>();
        before.forEach(b -> dependents.put(b, ended.get(b)));
        board.step(id, s -> s.running(Workflow.currentTimeMillis()));
        Step step = Step.deleting(node, DeleteMode.DEPLOYMENT, Map.copyOf(dependents),
            (stepId, activity) -> board.touch(stepId, s -> s.awaiting(activity)));
        running.start(id, step, node.delete()::run);
      }
    }
    board.flush();
  }

  private void collect() {
    board.hold();
    for (Map.Entry<String, Promise<Done>> ended : running.takeCompleted().entrySet()) {
      String id = ended.getKey();
      Promise<Done> promise = ended.getValue();
      Done done;
      try {
        done = promise.get();
      } catch (TemporalFailure e) {
        done = Done.failed(Failures.describe(e));
      }
      end(graph.node(id), done);
    }
    board.flush();
  }

  private void end(Node node, Done done) {
    ended.put(node.id(), done);
    long now = Workflow.currentTimeMillis();
    if (done.outcome() == DestroyOutcome.FAILED) {
      board.failure(node.id(), done.detail(),
          s -> s.done(now, node.name(), null).failed(now, StepStatus.FAILED, done.detail()));
      return;
    }
    StepStatus status = done.outcome() == DestroyOutcome.KEPT_BY_FLAG ? StepStatus.SKIPPED : StepStatus.DONE;
    board.touch(node.id(), s -> s.done(now, node.name(), null).compensation(status, done.outcome().name()));
  }
}
