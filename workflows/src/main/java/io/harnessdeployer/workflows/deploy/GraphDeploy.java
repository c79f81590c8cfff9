package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.graph.Branches;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.progress.ProgressBoard;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The deploy saga over a resource graph: every node whose needs are done starts at once. An undo
 * is registered before its node runs (a timed-out create may have succeeded) and moved to the end
 * on completion, so rollback runs in reverse completion order; it is dropped when the node adopted
 * or updated. When a node fails, the siblings in flight finish first; then {@link OnFailure} (or
 * the operator) decides, except when only checks failed, for good, before any resource node started:
 * then the deploy ends at once ({@link Refused}), as there is nothing to undo, unless it would pause
 * and every refusal is one an operator can lift (access denied, a quota). Workflow code: deterministic.
 */
final class GraphDeploy {
  /** {@code Workflow.getVersion} change id of failing at once on a check's non-retryable failure. */
  static final String FAIL_BEFORE_WRITES = "fail-before-writes";
  /** Change id of pausing, under PAUSE, on a check refused for what an operator can grant. */
  static final String PAUSE_ON_DENIED_CHECK = "pause-on-denied-check";
  /** Refusals an operator can lift and then resume: a permission, a quota. */
  private static final Set<String> OPERATOR_CAN_LIFT = Set.of(FailureTypes.ACCESS_DENIED, FailureTypes.QUOTA_EXCEEDED);

  private final Graph graph;
  private final ProgressBoard<DeployStatus> board;
  private final Supplier<OperatorDecision> operator;
  private final Map<String, Object> outputs = new HashMap<>();
  private final Map<String, Ensured> results = new LinkedHashMap<>();
  private final Branches<Ensured> running = new Branches<>();
  private final Map<String, String> failed = new LinkedHashMap<>();
  private final List<Node> undos = new ArrayList<>();
  /** Failed checks whose failure no retry can fix (a non-retryable type). */
  private final Map<String, String> refusals = new LinkedHashMap<>();
  /** Whether a resource node has started: from then on a failure pauses or rolls back. */
  private boolean wrote;

  GraphDeploy(Graph graph, ProgressBoard<DeployStatus> board, Supplier<OperatorDecision> operator) {
    this.graph = graph;
    this.board = board;
    this.operator = operator;
  }

  Map<String, Object> outputs() {
    return outputs;
  }

  /** Ensure results in declaration order. */
  List<Map.Entry<Node, Ensured>> results() {
    return graph.ensured().stream().filter(n -> results.containsKey(n.id()))
        .map(n -> Map.entry(n, results.get(n.id()))).toList();
  }

  /**
   * Runs every node; throws {@link Stop} for ROLLBACK or ABANDON, {@link Refused} when a check
   * failed for good before any write, CanceledFailure on a cancel.
   */
  void run(OnFailure onFailure) {
    Set<String> todo = new LinkedHashSet<>();
    graph.ensured().forEach(n -> todo.add(n.id()));
    while (true) {
      boolean canceled = running.stopIfCanceled();
      if (!canceled && failed.isEmpty()) {
        startReady(todo);
      }
      if (running.isEmpty()) {
        if (canceled) {
          throw new CanceledFailure("deploy canceled; every call in flight has ended");
        }
        if (failed.isEmpty()) {
          return; // all done: a node whose needs cannot be met would be a graph bug, caught by Graph
        }
        refuseIfNothingWritten(onFailure);
        decide(onFailure, todo);
        continue;
      }
      awaitAny();
      collect();
    }
  }

  private void startReady(Set<String> todo) {
    board.hold();
    for (String id : List.copyOf(todo)) {
      Node node = graph.node(id);
      if (!outputsReady(node)) {
        continue;
      }
      todo.remove(id);
      wrote |= node.isResource();
      register(node);
      board.step(id, s -> s.running(Workflow.currentTimeMillis()));
      Step step = Step.ensuring(node, outputs, this::awaiting);
      running.start(id, step, node.ensure()::run);
    }
    board.flush();
  }

  private boolean outputsReady(Node node) {
    return node.needs().stream().allMatch(results::containsKey);
  }

  /** Undo before it runs; implicit resources it creates are undone right after it. */
  private void register(Node node) {
    if (!node.isResource() || undos.contains(node)) {
      return;
    }
    implicitOf(node).forEach(undos::add);
    undos.add(node);
  }

  private List<Node> implicitOf(Node node) {
    return graph.nodes().stream().filter(n -> node.id().equals(n.undoneWith())).toList();
  }

  private void awaitAny() {
    running.awaitAny();
  }

  private void collect() {
    board.hold();
    for (Map.Entry<String, Promise<Ensured>> ended : running.takeCompleted().entrySet()) {
      String id = ended.getKey();
      Promise<Ensured> promise = ended.getValue();
      Node node = graph.node(id);
      long now = Workflow.currentTimeMillis();
      try {
        Ensured result = promise.get();
        outputs.put(id, result.output());
        results.put(id, result);
        completed(node, result.ownedByRun());
        board.step(id, s -> result.skipped()
            ? s.done(now, result.resourceId(), null).skipped()
            : s.done(now, result.resourceId(), result.outcome()));
      } catch (TemporalFailure e) {
        String error = running.stopIfCanceled()
            ? "canceled: " + Failures.describe(e) : Failures.describe(e);
        failed.put(id, error);
        if (!node.isResource() && nonRetryable(e)) {
          refusals.put(id, Failures.type(e));
        }
        board.touch(id, s -> s.failed(now, StepStatus.FAILED, error));
      }
    }
    board.flush();
  }

  /** Ours: undone in reverse completion order. Adopted or updated: never ours to delete. */
  private void completed(Node node, boolean ownedByRun) {
    if (!node.isResource()) {
      return;
    }
    List<Node> group = new ArrayList<>(implicitOf(node));
    group.add(node);
    undos.removeAll(group);
    if (ownedByRun) {
      undos.addAll(group);
    }
  }

  private static boolean nonRetryable(TemporalFailure e) {
    Throwable t = e;
    while (t instanceof ActivityFailure && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ApplicationFailure app
        && (app.isNonRetryable() || List.of(FailureTypes.NON_RETRYABLE).contains(app.getType()));
  }

  /**
   * Only checks failed, none can succeed on a retry, nothing was written: no rollback, and no pause
   * either, unless every refusal is one the operator can lift before a resume.
   */
  private void refuseIfNothingWritten(OnFailure onFailure) {
    if (wrote || !refusals.keySet().containsAll(failed.keySet())
        || Workflow.getVersion(FAIL_BEFORE_WRITES, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    if (onFailure == OnFailure.PAUSE && OPERATOR_CAN_LIFT.containsAll(refusals.values())
        && Workflow.getVersion(PAUSE_ON_DENIED_CHECK, Workflow.DEFAULT_VERSION, 1) == 1) {
      return;
    }
    String ids = String.join(", ", failed.keySet());
    String error = failed.size() == 1 ? failed.values().iterator().next()
        : String.join("; ", failed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    mark(StepStatus.FAILED, DeployStatus.FAILED);
    throw new Refused(ids, error, refusals.get(failed.keySet().iterator().next()));
  }

  private void decide(OnFailure onFailure, Set<String> todo) {
    String ids = String.join(", ", failed.keySet());
    String error = failed.size() == 1 ? failed.values().iterator().next()
        : String.join("; ", failed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    if (onFailure == OnFailure.ROLLBACK) {
      mark(StepStatus.FAILED, DeployStatus.ROLLING_BACK);
      throw new Stop(OperatorDecision.ROLLBACK, ids, error);
    }
    mark(StepStatus.PAUSED, DeployStatus.PAUSED);
    OperatorDecision next = operator.get();
    if (next != OperatorDecision.RETRY) {
      mark(StepStatus.FAILED,
          next == OperatorDecision.ROLLBACK ? DeployStatus.ROLLING_BACK : DeployStatus.ABANDONED);
      throw new Stop(next, ids, error);
    }
    todo.addAll(failed.keySet());
    failed.clear();
    refusals.clear();
    board.clearLastError();
    board.status(DeployStatus.RUNNING);
  }

  private void mark(StepStatus stepStatus, DeployStatus next) {
    board.hold();
    failed.forEach((id, error) -> board.failed(id, stepStatus, error, next));
    board.flush();
  }

  /** Undoes, newest completion first, what this run registered; a failing undo does not stop the others. */
  void rollBack() {
    board.status(DeployStatus.ROLLING_BACK);
    Map<String, Done> ended = new HashMap<>();
    for (int i = undos.size() - 1; i >= 0; i--) {
      Node node = undos.get(i);
      String id = node.id();
      update(id, s -> s.compensation(StepStatus.COMPENSATING, null));
      Done done;
      try {
        done = node.delete().run(Step.deleting(node, DeleteMode.THIS_RUN, Map.copyOf(ended), this::awaiting));
      } catch (TemporalFailure e) {
        done = Done.failed(Failures.describe(e));
      }
      ended.put(id, done);
      String what = done.outcome().name();
      if (done.outcome() == DestroyOutcome.FAILED) {
        String error = done.detail();
        board.failure(id, error, s -> s == null ? null : s.compensation(StepStatus.COMPENSATION_FAILED, error));
      } else {
        update(id, s -> s.compensation(StepStatus.COMPENSATED, what));
      }
    }
    board.status(board.failures().isEmpty() ? DeployStatus.ROLLED_BACK : DeployStatus.ROLLBACK_INCOMPLETE);
  }

  private void update(String id, UnaryOperator<StepState> change) {
    if (board.has(id)) {
      board.touch(id, change);
    }
  }

  private void awaiting(String id, String activity) {
    update(id, s -> s.awaiting(activity));
  }
}
