package io.harnessdeployer.bench;

import static io.harnessdeployer.workflows.topology.EcsTopology.HARNESS;
import static io.harnessdeployer.workflows.topology.EcsTopology.HARNESS_READY;
import static io.harnessdeployer.workflows.topology.EcsTopology.HARNESS_ROLE;
import static io.harnessdeployer.workflows.topology.EcsTopology.INFRASTRUCTURE_ROLE;
import static io.harnessdeployer.workflows.topology.EcsTopology.SERVICE;
import static io.harnessdeployer.workflows.topology.EcsTopology.SERVICE_ACTIVE;
import static io.harnessdeployer.workflows.topology.EcsTopology.SERVICE_ROLLOUT;
import static io.harnessdeployer.workflows.topology.EcsTopology.TASK_EXECUTION_ROLE;

import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.GatewayTopology;
import io.harnessdeployer.workflows.topology.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shortest a deploy and a destroy of the ecs topology can take on the emulator: the longest
 * chain of the topology's resource graph ({@link EcsTopology#graph}), each node weighted with the
 * latency profile's delay it waits for, every other node (a quick AWS call) zero.
 *
 * <p>Deploy, along {@code needs}: a role is usable {@code iam.propagation} after its create (what
 * assumes it retries until then), the service turns ACTIVE after {@code ecs.activate}, its
 * allowed-hosts update rolls out after {@code ecs.update}, the harness is READY {@code
 * harness.create} after its create. The length is {@link Graph#criticalPath}; the chain printed
 * with it is recomputed here the same way, keeping each node's longest predecessor.
 *
 * <p>Destroy, along {@link Graph#deletedBefore}: the harness delete takes {@code harness.delete},
 * the service's delete waits {@code ecs.drain} for it to go INACTIVE; they do not order each other.
 */
record CriticalPath(String formula, Duration total) {

  static CriticalPath deploy(LatencyProfile p, DeployRequest req) {
    Graph g = EcsTopology.graph(Settings.forDeploy(req, new Scope(req.key(), "critical-path"), "critical-path"));
    Map<String, Cost> costs = new LinkedHashMap<>();
    Cost iam = new Cost("iam.propagation", p.iamPropagation());
    costs.put(TASK_EXECUTION_ROLE, iam);
    costs.put(INFRASTRUCTURE_ROLE, iam);
    costs.put(HARNESS_ROLE, iam);
    costs.put(SERVICE_ACTIVE, new Cost("ecs.activate", p.ecsServiceActivate()));
    costs.put(SERVICE_ROLLOUT, new Cost("ecs.update", p.ecsServiceUpdate()));
    costs.put(HARNESS_READY, new Cost("harness.create", p.harnessCreate()));
    return along(g, costs);
  }

  /**
   * The gateway topology: each role {@code iam.propagation} (AgentCore assumes it on create), the
   * Runtime READY after {@code runtime.create}, the Gateway after {@code gateway.create}, its
   * target after {@code target.create}, the harness after {@code harness.create}.
   */
  static CriticalPath gatewayDeploy(LatencyProfile p, DeployRequest req) {
    Graph g = GatewayTopology.graph(Settings.forDeploy(req, new Scope(req.key(), "critical-path"), "critical-path"));
    Map<String, Cost> costs = new LinkedHashMap<>();
    Cost iam = new Cost("iam.propagation", p.iamPropagation());
    costs.put(GatewayTopology.RUNTIME_ROLE, iam);
    costs.put(GatewayTopology.GATEWAY_ROLE, iam);
    costs.put(GatewayTopology.HARNESS_ROLE, iam);
    costs.put(GatewayTopology.RUNTIME_READY, new Cost("runtime.create", p.runtimeCreate()));
    costs.put(GatewayTopology.GATEWAY_READY, new Cost("gateway.create", p.gatewayCreate()));
    costs.put(GatewayTopology.GATEWAY_TARGET_READY, new Cost("target.create", p.targetCreate()));
    costs.put(GatewayTopology.HARNESS_READY, new Cost("harness.create", p.harnessCreate()));
    return along(g, costs);
  }

  /** Graph.criticalPath, with the chain that makes it (checked to sum to the same). */
  private static CriticalPath along(Graph g, Map<String, Cost> costs) {
    Duration total = g.criticalPath(n -> cost(costs, n.id()));
    List<String> chain = longest(g.ensured(), Node::id, n -> n.needs(), costs);
    Duration sum = chain.stream().map(id -> cost(costs, id)).reduce(Duration.ZERO, Duration::plus);
    if (!sum.equals(total)) {
      throw new IllegalStateException("chain " + chain + " sums to " + sum + ", Graph.criticalPath says " + total);
    }
    return new CriticalPath(describe(chain, costs, total, "Graph.criticalPath"), total);
  }

  static CriticalPath destroy(LatencyProfile p, DestroyRequest req) {
    Graph g = EcsTopology.graph(Settings.forDestroy(req, new Scope(req.key(), "critical-path")));
    Map<String, Cost> costs = new LinkedHashMap<>();
    costs.put(HARNESS, new Cost("harness.delete", p.harnessDelete()));
    costs.put(SERVICE, new Cost("ecs.drain", p.ecsServiceDrain()));
    List<String> chain = longest(g.teardown(), Node::id, n -> g.deletedBefore(n.id()), costs);
    Duration total = chain.stream().map(id -> cost(costs, id)).reduce(Duration.ZERO, Duration::plus);
    List<String> alongside = new ArrayList<>();
    costs.forEach((id, c) -> {
      if (!chain.contains(id)) {
        alongside.add(id + " [" + c + "]");
      }
    });
    String formula = describe(chain, costs, total, "along Graph.deletedBefore");
    return new CriticalPath(alongside.isEmpty() ? formula : formula + "; alongside: " + String.join(", ", alongside),
        total);
  }

  record Cost(String name, Duration delay) {
    @Override
    public String toString() {
      return name + " " + s(delay);
    }
  }

  private static Duration cost(Map<String, Cost> costs, String id) {
    Cost c = costs.get(id);
    return c == null ? Duration.ZERO : c.delay();
  }

  /** The longest chain, first node first; {@code before} gives the nodes that must end first. */
  private static List<String> longest(List<Node> nodes, Function<Node, String> id,
      Function<Node, List<String>> before, Map<String, Cost> costs) {
    Map<String, Node> byId = new LinkedHashMap<>();
    nodes.forEach(n -> byId.put(id.apply(n), n));
    Map<String, Duration> finish = new HashMap<>();
    Map<String, String> previous = new HashMap<>();
    for (String n : byId.keySet()) {
      finish(n, byId, before, costs, finish, previous);
    }
    String last = null;
    for (String n : byId.keySet()) { // first of the longest, in declaration order
      if (last == null || finish.get(n).compareTo(finish.get(last)) > 0) {
        last = n;
      }
    }
    List<String> chain = new ArrayList<>();
    for (String n = last; n != null; n = previous.get(n)) {
      chain.add(n);
    }
    Collections.reverse(chain);
    return chain;
  }

  private static Duration finish(String n, Map<String, Node> byId, Function<Node, List<String>> before,
      Map<String, Cost> costs, Map<String, Duration> finish, Map<String, String> previous) {
    Duration done = finish.get(n);
    if (done != null) {
      return done;
    }
    String longestBefore = null;
    Duration start = Duration.ZERO;
    for (String b : before.apply(byId.get(n))) {
      Duration f = finish(b, byId, before, costs, finish, previous);
      if (longestBefore == null || f.compareTo(start) > 0) {
        longestBefore = b;
        start = f;
      }
    }
    if (longestBefore != null) {
      previous.put(n, longestBefore);
    }
    Duration end = start.plus(cost(costs, n));
    finish.put(n, end);
    return end;
  }

  private static String describe(List<String> chain, Map<String, Cost> costs, Duration total, String how) {
    List<String> parts = new ArrayList<>();
    for (String id : chain) {
      Cost c = costs.get(id);
      parts.add(c == null ? id : id + " [" + c + "]");
    }
    return String.join(" → ", parts) + " = " + s(total) + " (" + how + ")";
  }

  static String s(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
