package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.bench.reliability.CrashSection.At;
import io.harnessdeployer.bench.reliability.CrashSection.Kill;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.GatewayTopology;
import io.harnessdeployer.workflows.topology.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Orders crash points into chains one operation can take in turn: each point's call happens only
 * after the previous point's node is done (deploy: it needs that node; destroy: that node is deleted
 * before it), so after one kill and its recovery the next point has not run yet. Fewer, longer
 * runs: a kill costs its heartbeat timeout either way, a run costs its processes' start.
 */
final class CrashChains {
  private CrashChains() {}

  static Graph deployGraph(String topology) {
    DeploymentKey key = new DeploymentKey(CrashSection.REGION, "rel-graph");
    SealKey seal = SealKey.of(new byte[32], "crash-chains");
    DeployRequest req = DeployRequest.builder(key.name(), key.region(),
            new ZscalerCredentials("id", "secret", "1234567", "acme", null).seal(seal))
        .topology(topology(topology)).names(ResourceNames.forDeployment(key)).build();
    Settings s = Settings.forDeploy(req, new Scope(req.key(), "crash"), "crash");
    return topology(topology) == Topology.GATEWAY ? GatewayTopology.graph(s) : EcsTopology.graph(s);
  }

  static Graph destroyGraph(String topology) {
    DeploymentKey key = new DeploymentKey(CrashSection.REGION, "rel-graph");
    DestroyRequest req = DestroyRequest.builder(key.name(), key.region()).topology(topology(topology))
        .names(ResourceNames.forDeployment(key)).build();
    Settings s = Settings.forDestroy(req, new Scope(req.key(), "crash"));
    return topology(topology) == Topology.GATEWAY ? GatewayTopology.graph(s) : EcsTopology.graph(s);
  }

  private static Topology topology(String name) {
    return name.equals("gateway") ? Topology.GATEWAY : Topology.ECS;
  }

  /** Deploy: a point may follow another if its node needs the other's node. */
  static List<List<Kill>> deploy(Graph g, List<Kill> kills) {
    return chains(kills, (later, earlier) -> g.dependsOn(later.node(), earlier.node()));
  }

  /**
   * Destroy: a point may follow another if the other's node is deleted before its node, or, on
   * one node, a wait follows the delete call it waits for.
   */
  static List<List<Kill>> destroy(Graph g, List<Kill> kills, java.util.Map<String, String> waitNode) {
    return chains(kills, (later, earlier) -> {
      String l = waitNode.getOrDefault(later.node(), later.node());
      String e = waitNode.getOrDefault(earlier.node(), earlier.node());
      if (l.equals(e)) return later.at() == At.POLL && earlier.at() != At.POLL;
      return deletedAfter(g, l, e);
    });
  }

  private static boolean deletedAfter(Graph g, String later, String earlier) {
    for (String before : g.deletedBefore(later)) {
      if (before.equals(earlier) || deletedAfter(g, before, earlier)) return true;
    }
    return false;
  }

  /** Greedy: each point, in the given (graph) order, goes to the first chain it may follow. */
  private static List<List<Kill>> chains(List<Kill> kills, BiPredicate<Kill, Kill> mayFollow) {
    List<List<Kill>> out = new ArrayList<>();
    for (Kill k : kills) {
      List<Kill> home = out.stream().filter(c -> mayFollow.test(k, c.get(c.size() - 1))).findFirst().orElse(null);
      if (home == null) {
        home = new ArrayList<>();
        out.add(home);
      }
      home.add(k);
    }
    return out;
  }

  /** Resource nodes of a graph, for the coverage check. */
  static List<String> resourceNodes(Graph g, boolean deploy) {
    return g.nodes().stream().filter(Node::isResource).filter(n -> !deploy || n.ensure() != null)
        .map(Node::id).toList();
  }
}
