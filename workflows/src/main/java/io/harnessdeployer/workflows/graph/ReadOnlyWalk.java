package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.common.Failures;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only walk over a graph that drift and plan both read: every node starts once its needs
 * are walked, so independent describes run at once (as the deploy runs its ensures). Per node: its
 * desired state from its needs' recalled outputs, its describe, its own recall, {@link
 * Compare#drift}. Calls only describes and recalls: nothing is written. Workflow code.
 *
 * <p>An input whose resource is DELETED (or has no output to recall) leaves the nodes that need it
 * uncompared, but still described; an input whose describe or recall failed leaves them not even
 * described (a preflight in the wrong account must not make everything look DELETED). A check with
 * no recall (a wait, a probe) has no output to miss, so it blocks nothing.
 */
public final class ReadOnlyWalk {
  /** Why a node's output is unavailable. @param hard a failure, not a missing resource */
  private record Cause(String root, String text, boolean hard) {}

  private final Graph graph;
  private final Map<String, Object> outputs = new HashMap<>();
  private final Map<String, Observed> observed = new HashMap<>();
  private final Map<String, Cause> unavailable = new HashMap<>();

  private ReadOnlyWalk(Graph graph) {
    this.graph = graph;
  }

  /** Every node of {@code graph}, in declaration order. */
  public static List<Walked> of(Graph graph) {
    return new ReadOnlyWalk(graph).run();
  }

  private List<Walked> run() {
    Map<String, Promise<Walked>> walked = new LinkedHashMap<>();
    for (Node n : graph.nodes()) {
      List<Promise<Walked>> needs = n.needs().stream().map(walked::get).toList();
      walked.put(n.id(), Async.function(() -> {
        Promise.allOf(needs).get();
        return visit(n);
      }));
    }
    List<Walked> out = new ArrayList<>();
    walked.values().forEach(p -> out.add(p.get()));
    return out;
  }

  private Walked visit(Node n) {
    if (n.describe() == null && n.recall() == null) {
      // a wait or probe with nothing to read back: no desired state is computed from it
      return new Walked(n, null, null, List.of(), null, null, null, null);
    }
    Cause cause = n.needs().stream().map(unavailable::get).filter(c -> c != null)
        .reduce((a, b) -> a.hard() ? a : b.hard() ? b : a).orElse(null);
    if (cause != null && cause.hard()) {
      unavailable.put(n.id(), cause);
      return new Walked(n, null, null, List.of(), cause.root(), "needs " + cause.text(), null, null);
    }
    Map<String, Object> desired = cause == null && n.desired() != null
        ? n.desired().run(Step.ensuring(n, outputs, null)) : null;
    if (desired != null && desired.isEmpty()) {
      return new Walked(n, null, desired, List.of(), null, "nothing desired", null, null);
    }
    Observed seen = null;
    if (n.describe() != null) {
      try {
        seen = n.describe().run(Step.ensuring(n, Map.of(), null));
      } catch (TemporalFailure e) {
        return failed(n, desired, e, "describe");
      }
      observed.put(n.id(), seen);
      if (!seen.present()) {
        unavailable.put(n.id(), new Cause(n.id(), n.id() + ", which is DELETED", false));
      }
    }
    if (n.describe() == null && cause != null) {
      unavailable.put(n.id(), cause); // a check after a missing input has nothing to recall from
    } else if (n.recall() != null && (seen == null || seen.present())) {
      try {
        outputs.put(n.id(), n.recall().run(Step.recalling(n, outputs, observed)));
      } catch (NotRecallable e) {
        unavailable.put(n.id(), new Cause(n.id(), n.id() + ", which " + e.getMessage(), false));
      } catch (TemporalFailure e) {
        return failed(n, desired, e, "recall");
      }
    }
    String reason = cause == null ? null : "needs " + cause.text();
    List<PropertyDiff> diffs = desired != null && seen != null && seen.present() ? Compare.drift(desired, seen) : List.of();
    return new Walked(n, seen, desired, diffs, cause == null ? null : cause.root(), reason, null, null);
  }

  private Walked failed(Node n, Map<String, Object> desired, TemporalFailure e, String what) {
    String error = Failures.describe(e);
    unavailable.put(n.id(), new Cause(n.id(), n.id() + ", whose " + what + " failed: " + error, true));
    Workflow.getLogger(ReadOnlyWalk.class).warn("{} {} failed: {}", n.id(), what, error);
    return new Walked(n, null, desired, List.of(), null, what + " failed: " + error, error, Failures.type(e));
  }
}
