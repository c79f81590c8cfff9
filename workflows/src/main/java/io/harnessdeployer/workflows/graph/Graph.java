package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.steps.OwnershipClaim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A topology's nodes in declaration order, which must already be a dependency order: a node may
 * only need, or be undone with, nodes declared before it. Deploy, rollback and destroy all walk it.
 */
public final class Graph {
  private final Map<String, Node> nodes = new LinkedHashMap<>();

  public Graph(List<Node> declared) {
    for (Node n : declared) {
      for (String need : n.needs()) {
        require(nodes.containsKey(need), n.id() + " needs " + need + ", which is not declared before it");
      }
      require(n.undoneWith() == null || nodes.containsKey(n.undoneWith()),
          n.id() + " is undone with undeclared " + n.undoneWith());
      require(nodes.put(n.id(), n) == null, "node " + n.id() + " declared twice");
    }
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  public Node node(String id) {
    Node n = nodes.get(id);
    require(n != null, "no node " + id);
    return n;
  }

  /** Nodes a deploy runs, in declaration order. */
  public List<Node> ensured() {
    return nodes.values().stream().filter(n -> n.ensure() != null).toList();
  }

  /** What the ensured resources claim, in declaration order: what preflight checks the ownership of. */
  public static List<OwnershipClaim> claims(List<Node> nodes) {
    return nodes.stream().filter(n -> n.ensure() != null && n.claim() != null).map(Node::claim).toList();
  }

  /** Resources in reverse declaration order: the order destroy reports them in. */
  public List<Node> teardown() {
    List<Node> out = new ArrayList<>(nodes.values().stream().filter(Node::isResource).toList());
    java.util.Collections.reverse(out);
    // an implicit resource goes right after the one it came with (after it in teardown)
    for (Node n : List.copyOf(out)) {
      if (n.undoneWith() != null) {
        out.remove(n);
        out.add(out.indexOf(node(n.undoneWith())) + 1, n);
      }
    }
    return out;
  }

  /**
   * The resources whose deletes must end before this one's starts: those that need it (they use
   * it), and the node it was created with. Checks do not order deletes: a harness that read the
   * service's URL does not keep the service from draining at the same time.
   */
  public List<String> deletedBefore(String id) {
    Node self = node(id);
    List<String> before = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (n.isResource() && (n.needs().contains(id) || n.id().equals(self.undoneWith()))) {
        before.add(n.id());
      }
    }
    return before;
  }

  /** Whether {@code later} needs {@code earlier}, directly or through other nodes. */
  public boolean dependsOn(String later, String earlier) {
    for (String need : node(later).needs()) {
      if (need.equals(earlier) || dependsOn(need, earlier)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The longest chain of {@code cost} through the ensure dependencies: the least time a deploy
   * can take when independent nodes run at once.
   */
  public Duration criticalPath(Function<Node, Duration> cost) {
    Map<String, Duration> finish = new HashMap<>();
    Duration longest = Duration.ZERO;
    for (Node n : ensured()) {
      Duration start = n.needs().stream().map(finish::get).filter(d -> d != null)
          .max(Duration::compareTo).orElse(Duration.ZERO);
      Duration end = start.plus(cost.apply(n));
      finish.put(n.id(), end);
      longest = end.compareTo(longest) > 0 ? end : longest;
    }
    return longest;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
