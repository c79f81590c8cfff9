package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.bench.reliability.CrashPoints.Call;
import io.harnessdeployer.bench.reliability.CrashPoints.Resource;
import io.harnessdeployer.bench.reliability.CrashPoints.Topology;
import io.harnessdeployer.bench.reliability.CrashPoints.Wait;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 13 part 1: {@code kill -9} of the worker process just before a resource's AWS call, just
 * after it (applied, answer not yet back), and inside a wait, for every node of both graphs, in the
 * deploy and in the destroy. The emulator holds the call open while the worker dies: (a) a counted
 * fault with latency and then an error, so the held call is never applied; (b) {@code holdAfterMs},
 * so it is applied and logged before its answer waits; (c) the answer of the call that starts the
 * wait is held while a latency fault is armed on the wait's probe, and the kill lands once that
 * probe is in flight and the wait is the run's pending activity. A new worker then finishes; the
 * request log must show exactly one successful create per resource, and after destroy none of the
 * deployment's resources may remain. Each case crashes one deploy and then its destroy.
 */
public final class CrashSection implements Section {
  static final String REGION = Lane.REGION;
  /** How long the emulator holds a call: past the kill, short of the new worker's retry. */
  private static final long HOLD_MS = 6000;
  /** While this trigger's answer is held, the wait's probe fault is armed. */
  private static final long TRIGGER_HOLD_MS = 1500;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
  private static final long OPERATION_TIMEOUT_S = 300;

  enum At { BEFORE, AFTER, POLL }

  /** One crash point: at a call (BEFORE/AFTER) or in a wait (POLL). */
  record Kill(String node, At at, Call call, Wait poll) {
    String label() {
      return node + "/" + at.name().toLowerCase();
    }
  }

  @Override
  public String name() {
    return "crash";
  }

  @Override
  public String tried() {
    return "crash points (kill -9 of the worker; each case crashes one deploy and then its destroy)";
  }

  /** Longest chain of kills one operation takes (full run; --fast: {@link #FAST_CHAIN}). */
  private static final int CHAIN = 6;
  private static final int FAST_CHAIN = 2;

  @Override
  public List<Case> cases(boolean fast, long seed) {
    List<Case> out = new ArrayList<>();
    Set<String> kindsSeen = new java.util.HashSet<>();
    for (Topology t : List.of(CrashPoints.ECS_TOPOLOGY, CrashPoints.GATEWAY_TOPOLOGY)) {
      Graph dg = CrashChains.deployGraph(t.name());
      Graph xg = CrashChains.destroyGraph(t.name());
      Set<String> missing = new java.util.TreeSet<>(CrashChains.resourceNodes(dg, true));
      missing.addAll(CrashChains.resourceNodes(xg, false));
      t.resources().forEach(r -> missing.remove(r.node()));
      if (!missing.isEmpty()) {
        out.add(new Case(t.name() + " coverage", lane -> new Outcome("crash", t.name() + " coverage", false, 0, 0, 0,
            "resource nodes without crash points: " + missing)));
      }
      List<Kill> deploy = byOrder(deployKills(t), dg.ensured().stream().map(Node::id).toList(), "");
      List<Kill> destroy = byOrder(destroyKills(t), xg.teardown().stream().map(Node::id).toList(), GONE);
      if (fast) {
        List<Kill> d = new ArrayList<>();
        List<Kill> x = new ArrayList<>();
        fastPick(t, dg, xg, kindsSeen, d, x);
        deploy = d;
        destroy = x;
      }
      List<List<Kill>> dc = split(CrashChains.deploy(dg, deploy), fast ? FAST_CHAIN : CHAIN);
      List<List<Kill>> xc = split(CrashChains.destroy(xg, destroy, gone(t)), fast ? FAST_CHAIN : CHAIN);
      for (int i = 0; i < Math.max(dc.size(), xc.size()); i++) {
        List<Kill> a = i < dc.size() ? dc.get(i) : List.of();
        List<Kill> b = i < xc.size() ? xc.get(i) : List.of();
        String dep = String.format("rel-c%s%02d", t.name().charAt(0), i);
        String name = t.name() + " #" + i + " deploy " + labels(a) + " destroy " + labels(b);
        out.add(new Case(name, a.size() + b.size(), lane -> new Run(lane, t, dep, name).run(a, b)));
      }
    }
    return out;
  }

  /** Destroy waits are named after their node plus this; they follow that node's delete call. */
  static final String GONE = "-gone";

  private static Map<String, String> gone(Topology t) {
    Map<String, String> out = new LinkedHashMap<>();
    t.destroyWaits().forEach(w -> out.put(w.node(), w.node().substring(0, w.node().length() - GONE.length())));
    return out;
  }

  private static String labels(List<Kill> kills) {
    return "[" + String.join(", ", kills.stream().map(Kill::label).toList()) + "]";
  }

  /** Stable sort by the node's place in {@code order} (a wait's node with {@code suffix} removed). */
  private static List<Kill> byOrder(List<Kill> kills, List<String> order, String suffix) {
    List<Kill> out = new ArrayList<>(kills);
    out.sort(java.util.Comparator.comparingInt(k -> {
      String node = !suffix.isEmpty() && k.node().endsWith(suffix) ? k.node().substring(0, k.node().length() - suffix.length()) : k.node();
      int i = order.indexOf(node);
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    return out;
  }

  private static List<List<Kill>> split(List<List<Kill>> chains, int max) {
    List<List<Kill>> out = new ArrayList<>();
    for (List<Kill> c : chains) {
      for (int i = 0; i < c.size(); i += max) out.add(c.subList(i, Math.min(c.size(), i + max)));
    }
    return out;
  }

  static List<Kill> deployKills(Topology t) {
    List<Kill> out = new ArrayList<>();
    for (Resource r : t.resources()) {
      if (r.create() != null) {
        out.add(new Kill(r.node(), At.BEFORE, r.create(), null));
        out.add(new Kill(r.node(), At.AFTER, r.create(), null));
      }
    }
    t.deployWaits().forEach(w -> out.add(new Kill(w.node(), At.POLL, null, w)));
    return out;
  }

  static List<Kill> destroyKills(Topology t) {
    List<Kill> out = new ArrayList<>();
    for (Resource r : t.resources()) {
      out.add(new Kill(r.node(), At.BEFORE, r.delete(), null));
      out.add(new Kill(r.node(), At.AFTER, r.delete(), null));
    }
    t.destroyWaits().forEach(w -> out.add(new Kill(w.node(), At.POLL, null, w)));
    return out;
  }

  /**
   * --fast: one crash point per resource kind not yet met (roles and secrets once for both
   * topologies), in turn in the deploy and in the destroy, in turn before and after the call.
   */
  private static void fastPick(Topology t, Graph dg, Graph xg, Set<String> kindsSeen, List<Kill> deploy,
      List<Kill> destroy) {
    for (Resource r : t.resources()) {
      String kind = xg.node(r.node()).kind();
      if (!kindsSeen.add(kind)) continue;
      At at = kindsSeen.size() % 4 < 2 ? At.BEFORE : At.AFTER;
      if (r.create() != null && kindsSeen.size() % 2 == 1) deploy.add(new Kill(r.node(), at, r.create(), null));
      else destroy.add(new Kill(r.node(), at, r.delete(), null));
    }
  }

  /** One case on one lane: deploy with a crash, check, destroy with a crash, check. */
  private static final class Run {
    private final Lane lane;
    private final Topology topology;
    private final String deployment;
    private final String name;
    private final ResourceNames names;
    private final String workflowId;
    private final List<String> notes = new ArrayList<>();

    Run(Lane lane, Topology topology, String deployment, String name) {
      this.lane = lane;
      this.topology = topology;
      this.deployment = deployment;
      this.name = name;
      DeploymentKey key = new DeploymentKey(REGION, deployment);
      this.names = ResourceNames.forDeployment(key);
      this.workflowId = key.workflowId();
    }

    Outcome run(List<Kill> onDeploy, List<Kill> onDestroy) {
      lane.control().reset();
      WorkerProcess worker = lane.startWorker();
      Process deploy = lane.clientAsync("deploy", "--name", deployment, "--topology", topology.name(), "--yes");
      for (Kill k : onDeploy) worker = crash(k, worker);
      int deployExit = await(deploy);
      if (deployExit != 0) {
        return failed("deploy exit " + deployExit + " after the crashes at " + labels(onDeploy));
      }
      Map<String, Integer> creates = createsPerResource();
      int lost = (int) creates.values().stream().filter(n -> n == 0).count();
      int duplicated = Math.max(Ledger.duplicated(creates),
          Ledger.duplicated(Ledger.successfulCreates(lane.control().requests(), null)));
      Process destroy = lane.clientAsync("destroy", "--name", deployment, "--yes");
      for (Kill k : onDestroy) worker = crash(k, worker);
      int destroyExit = await(destroy);
      List<Map<String, Object>> left = Ledger.ours(lane.control().resources(), REGION, deployment);
      boolean passed = lost == 0 && duplicated == 0 && left.isEmpty() && destroyExit == 0;
      notes.add("creates " + creates);
      if (destroyExit != 0) notes.add("destroy exit " + destroyExit);
      if (!left.isEmpty()) notes.add("left " + Ledger.describe(left));
      return new Outcome("crash", name, passed, lost, duplicated, left.size(), String.join("; ", notes));
    }

    /** Successful creates of each resource node's own create call (0 = lost, >1 = duplicated). */
    private Map<String, Integer> createsPerResource() {
      List<Map<String, Object>> log = lane.control().requests();
      Map<String, Integer> out = new LinkedHashMap<>();
      for (Resource r : topology.resources()) {
        if (r.create() == null) continue;
        out.put(r.node(), (int) log.stream().filter(q -> is(q, r.create()) && ok(q)).count());
      }
      return out;
    }

    /** Arms the crash point, waits until the call is held, kills the worker and starts another. */
    private WorkerProcess crash(Kill kill, WorkerProcess worker) {
      if (kill == null) return worker;
      EmulatorControl c = lane.control();
      long t0 = System.nanoTime();
      switch (kill.at()) {
        case BEFORE -> {
          awaitConsumed(c.addFault(fault(kill.call(), Map.of("latencyMs", HOLD_MS, "errorCode", "InternalFailure",
              "httpStatus", 500))), kill);
        }
        case AFTER -> {
          awaitConsumed(c.addFault(fault(kill.call(), Map.of("holdAfterMs", HOLD_MS))), kill);
          awaitLogged(kill.call(), kill); // applied: its answer is what is held
        }
        case POLL -> {
          Wait w = kill.poll();
          if (w.trigger() != null) {
            awaitConsumed(c.addFault(fault(w.trigger(), Map.of("holdAfterMs", TRIGGER_HOLD_MS))), kill);
          }
          awaitConsumed(c.addFault(fault(w.probe(), Map.of("latencyMs", HOLD_MS))), kill);
          List<String> pending = lane.temporal().pendingActivities(workflowId);
          if (!pending.contains(w.activity())) {
            throw new AssertionError("crash at " + kill.label() + " missed the wait: pending " + pending);
          }
        }
      }
      worker.kill9();
      notes.add("killed at " + kill.label() + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      return lane.startWorker();
    }

    private Map<String, Object> fault(Call call, Map<String, Object> what) {
      Map<String, Object> f = new LinkedHashMap<>(what);
      f.put("service", call.service());
      f.put("operation", call.operation());
      f.put("count", 1);
      String resource = call.resource(names);
      if (resource != null) f.put("resource", resource);
      return f;
    }

    private void awaitConsumed(String faultId, Kill kill) {
      if (!Poll.until(STEP_TIMEOUT, () -> lane.control().faults().stream().noneMatch(f -> faultId.equals(f.get("id"))))) {
        throw new AssertionError("crash at " + kill.label() + ": the call was never made");
      }
    }

    private void awaitLogged(Call call, Kill kill) {
      if (!Poll.until(STEP_TIMEOUT, () -> lane.control().requests().stream().anyMatch(q -> is(q, call) && ok(q)))) {
        throw new AssertionError("crash at " + kill.label() + ": the held call was never applied");
      }
    }

    private boolean is(Map<String, Object> request, Call call) {
      if (!call.operation().equals(request.get("operation")) || !call.service().equals(request.get("service"))) {
        return false;
      }
      String resource = call.resource(names);
      return resource == null || request.get("parameters") instanceof Map<?, ?> p && p.containsValue(resource);
    }

    private static boolean ok(Map<String, Object> request) {
      int status = ((Number) request.getOrDefault("status", 0)).intValue();
      return status >= 200 && status < 300;
    }

    private int await(Process p) {
      java.util.OptionalInt exit = Lane.exitWithin(p, Duration.ofSeconds(OPERATION_TIMEOUT_S));
      if (exit.isEmpty()) {
        notes.add("client still running after " + OPERATION_TIMEOUT_S + " s; run: " + lane.temporal().brief(workflowId));
      }
      return exit.orElse(-1);
    }

    private Outcome failed(String why) {
      notes.add(0, why);
      return new Outcome("crash", name, false, 0, 0, 0, String.join("; ", notes));
    }
  }
}
