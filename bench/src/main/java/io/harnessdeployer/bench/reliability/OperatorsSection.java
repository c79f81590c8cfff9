package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Issue 13 part 4: concurrent operators. Two {@code client deploy} of one deployment at once (one
 * starts, the other attaches, one run); {@code client destroy} during a deploy (refused, naming the
 * deploy, nothing deleted); 20 deployments deployed at once on 2 workers (all succeed, resources
 * disjoint), then all destroyed at once (no orphan). The first two gate the harness create so the
 * run is certainly open while the second operator acts.
 */
public final class OperatorsSection implements Section {
  private static final String NAME = "operators";
  private static final int MANY = 20;
  private static final String UNTAGGED = "(untagged)";
  private static final String TWO = "two deploys at once: one starts, one attaches";
  private static final String DESTROY = "destroy during a deploy: refused";
  private static final String ALL = MANY + " deploys at once on 2 workers, then " + MANY + " destroys";
  /** 20 client JVMs, 2 workers and the stack on 2 cores: generous on purpose, and measured. */
  private static final Duration MANY_DEADLINE = Duration.ofMinutes(15);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Case> cases(boolean fast, long seed) {
    // --fast: the two deploys at once only (13 s at load 34 on 2 cores); 20 deployments take 80 s
    if (fast) return List.of(new Case(TWO, lane -> twoDeploys(lane, "rel-p1")));
    return List.of(
        new Case(TWO, lane -> twoDeploys(lane, "rel-p1")),
        new Case(DESTROY, lane -> destroyDuringDeploy(lane, "rel-p2")),
        new Case(ALL, OperatorsSection::many));
  }

  private static Outcome twoDeploys(Lane lane, String dep) {
    String name = TWO;
    Checks c = new Checks();
    lane.control().reset();
    lane.startWorker();
    String gate = DeployChecks.gateHarness(lane, dep);
    AsyncClient a = lane.startClient("deploy", "--name", dep, "--yes");
    AsyncClient b = lane.startClient("deploy", "--name", dep, "--yes");
    for (AsyncClient x : List.of(a, b)) {
      c.check(Poll.until(DeployChecks.CLIENT_LINE, () -> said(x, "started the deploy") || said(x, "is already running")),
          "a client neither started nor attached: " + x.output());
    }
    lane.control().removeFault(gate);
    int ea = a.await(DeployChecks.OPERATION);
    int eb = b.await(DeployChecks.OPERATION);
    c.check(ea == 0 && eb == 0, "exits " + ea + " and " + eb);
    long starters = List.of(a, b).stream().filter(x -> said(x, "started the deploy")).count();
    long attached = List.of(a, b).stream().filter(x -> said(x, "is already running")).count();
    c.check(starters == 1 && attached == 1, starters + " client(s) said they started the deploy, " + attached
        + " that they attached (want 1 and 1)");
    String run = DeployChecks.startedRun(said(a, "started the deploy") ? a.stderr() : b.stderr());
    c.note((said(a, "started the deploy") ? "first" : "second") + " client started run " + run + ", the other attached");
    String joined = DeployChecks.attachedRun(said(a, "started the deploy") ? b.stderr() : a.stderr());
    c.check(run != null && run.equals(joined), "the other attached to run " + joined + ", not " + run);
    for (AsyncClient x : List.of(a, b)) {
      c.check(x.stdout().contains("Deployed us-east-1/" + dep), "a client printed no summary: " + x.output());
    }
    Map<String, Object> st = DeployChecks.status(lane, dep);
    c.check("SUCCEEDED".equals(st.get("status")), "status " + st.get("status"));
    c.check(run != null && run.equals(st.get("runId")), "latest run " + st.get("runId") + " is not the started run " + run);
    return finish(lane, name, dep, c);
  }

  private static boolean said(AsyncClient x, String text) {
    return x.stderr().contains(text);
  }

  private static Outcome destroyDuringDeploy(Lane lane, String dep) {
    String name = DESTROY;
    Checks c = new Checks();
    lane.control().reset();
    lane.startWorker();
    ResourceNames names = DeployChecks.names(dep);
    String gate = DeployChecks.gateHarness(lane, dep);
    AsyncClient deploy = lane.startClient("deploy", "--name", dep, "--yes");
    c.check(DeployChecks.awaitCalled(lane, CrashPoints.AC, "CreateHarness", names.harness(), DeployChecks.OPERATION),
        "the deploy never reached the harness create: " + deploy.output());
    ClientRun destroy = lane.client("destroy", "--name", dep, "--yes");
    String said = destroy.stderr() + destroy.stdout();
    c.check(destroy.exitCode() == 1, "destroy during the deploy exit " + destroy.exitCode() + ", not 1 (failed: refused)");
    c.check(said.contains("a deploy is running on us-east-1/" + dep) && said.contains("DeployWorkflow"),
        "the refusal does not name the running deploy: " + said.strip());
    c.note("refusal: " + said.strip().lines().reduce((x, y) -> y).orElse(""));
    List<String> deletes = DeployChecks.deletes(lane.control().requests(), dep);
    c.check(deletes.isEmpty(), "deletes during the refused destroy: " + deletes);
    lane.control().removeFault(gate);
    int exit = deploy.await(DeployChecks.OPERATION);
    c.check(exit == 0, "the deploy exit " + exit + " after the refused destroy");
    Map<String, Object> st = DeployChecks.status(lane, dep);
    c.check("SUCCEEDED".equals(st.get("status")), "status " + st.get("status"));
    return finish(lane, name, dep, c);
  }

  private static Outcome finish(Lane lane, String name, String dep, Checks c) {
    Map<String, Integer> creates = DeployChecks.creates(lane.control().requests(), dep);
    int lost = DeployChecks.lost(creates);
    int duplicated = Ledger.duplicated(creates);
    c.check(lost == 0 && duplicated == 0, "creates " + creates);
    DeployChecks.Cleanup cleanup = DeployChecks.destroy(lane, dep);
    c.check(cleanup.clean(), cleanup.note());
    return new Outcome(NAME, name, c.passed(), lost, duplicated, cleanup.left().size(), c.detail());
  }

  /** rel-o1..rel-o20: names contain each other (rel-o1, rel-o10), so everything here is by exact name or tag. */
  private static Outcome many(Lane lane) {
    String name = ALL;
    Checks c = new Checks();
    lane.control().reset();
    lane.startWorker();
    lane.startWorker();
    List<String> deps = IntStream.rangeClosed(1, MANY).mapToObj(i -> "rel-o" + i).toList();

    long t0 = System.nanoTime();
    Map<String, Integer> exits = runAll(lane, deps, "deploy");
    long deployMs = (System.nanoTime() - t0) / 1_000_000;
    c.note(MANY + " deploys in " + deployMs / 1000 + " s");
    c.check(exits.values().stream().allMatch(e -> e == 0), "deploy exits " + exits);
    List<String> notDone = deps.stream().filter(d -> lane.temporal().status(DeployChecks.workflowId(d))
        != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED).toList();
    c.check(notDone.isEmpty(), "not completed: " + notDone);

    List<Map<String, Object>> log = lane.control().requests();
    int lost = 0;
    int duplicated = 0;
    for (String d : deps) {
      Map<String, Integer> creates = DeployChecks.creates(log, d);
      lost += DeployChecks.lost(creates);
      duplicated += Ledger.duplicated(creates);
      if (DeployChecks.lost(creates) + Ledger.duplicated(creates) > 0) c.check(false, d + " creates " + creates);
    }
    duplicated = Math.max(duplicated, Ledger.duplicated(Ledger.successfulCreates(log, null)));
    disjoint(lane.control().resources(), deps, c);

    long t1 = System.nanoTime();
    Map<String, Integer> destroyExits = runAll(lane, deps, "destroy");
    c.note(MANY + " destroys in " + (System.nanoTime() - t1) / 1_000_000_000 + " s");
    c.check(destroyExits.values().stream().allMatch(e -> e == 0), "destroy exits " + destroyExits);
    List<String> left = ours(lane.control().resources(), deps);
    c.check(left.isEmpty(), "left after destroy: " + left);
    return new Outcome(NAME, name, c.passed(), lost, duplicated, left.size(), c.detail());
  }

  /** Starts {@code client <verb> --name d --yes} for every deployment at once; their exit codes. */
  private static Map<String, Integer> runAll(Lane lane, List<String> deps, String verb) {
    Map<String, AsyncClient> clients = new LinkedHashMap<>();
    for (String d : deps) clients.put(d, lane.startClient(verb, "--name", d, "--yes"));
    long end = System.nanoTime() + MANY_DEADLINE.toNanos();
    Map<String, Integer> exits = new TreeMap<>();
    clients.forEach((d, x) -> exits.put(d, x.await(Duration.ofNanos(Math.max(1, end - System.nanoTime())))));
    return exits;
  }

  /**
   * Every deployment has a full set by its tag (all sets the same size), no name is in two sets, and
   * a resource named after a deployment's own names carries that deployment's tag.
   */
  private static void disjoint(List<Map<String, Object>> resources, List<String> deps, Checks c) {
    Map<String, List<String>> byTag = new TreeMap<>();
    List<String> allNames = new ArrayList<>();
    for (Map<String, Object> r : Ledger.ours(resources, DeployChecks.REGION, "rel-o")) {
      String tag = owner(r, deps);
      byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(String.valueOf(r.get("name")));
      allNames.add(r.get("service") + " " + r.get("type") + " " + r.get("name"));
    }
    Set<Integer> sizes = new HashSet<>();
    for (String d : deps) sizes.add(byTag.getOrDefault(DeployChecks.REGION + "/" + d, List.of()).size());
    c.check(sizes.size() == 1 && !sizes.contains(0), "resources per deployment by tag: " + sizes(byTag));
    c.check(!byTag.containsKey(UNTAGGED), "untagged resources: " + byTag.get(UNTAGGED));
    c.check(new HashSet<>(allNames).size() == allNames.size(), "a name in two deployments' sets");
    for (String d : deps) {
      Set<String> own = ownNames(d);
      for (Map<String, Object> r : resources) {
        if (own.contains(String.valueOf(r.get("name")))) {
          c.check((DeployChecks.REGION + "/" + d).equals(tag(r)), r.get("name") + " of " + d + " is tagged " + tag(r));
        }
      }
    }
    c.note(byTag.size() + " tag sets of " + sizes + " resources, " + allNames.size() + " distinct names");
  }

  /**
   * The deployment a resource belongs to: its tag, or for a task definition (untagged by design:
   * destroy deletes them with the service) the deployment whose {@code <cluster>-<service>} is its family.
   */
  private static String owner(Map<String, Object> r, List<String> deps) {
    String tag = tag(r);
    if (!UNTAGGED.equals(tag) || !"task-definition".equals(r.get("type"))) return tag;
    String family = String.valueOf(r.get("name")).replaceFirst(":\\d+$", "");
    for (String d : deps) {
      ResourceNames n = DeployChecks.names(d);
      if (family.equals(n.cluster() + "-" + n.service())) return DeployChecks.REGION + "/" + d;
    }
    return UNTAGGED;
  }

  private static Map<String, Integer> sizes(Map<String, List<String>> byTag) {
    Map<String, Integer> out = new TreeMap<>();
    byTag.forEach((k, v) -> out.put(String.valueOf(k), v.size()));
    return out;
  }

  private static String tag(Map<String, Object> r) {
    return r.get("tags") instanceof Map<?, ?> m && m.get(Names.TAG_DEPLOYMENT) instanceof String s ? s : UNTAGGED;
  }

  private static Set<String> ownNames(String dep) {
    ResourceNames n = DeployChecks.names(dep);
    return Set.of(n.secret(), n.taskExecutionRole(), n.infrastructureRole(), n.cluster(), n.logGroup(), n.service(),
        n.apiKeyProvider(), n.harnessRole(), n.harness());
  }

  /** Live resources tagged for, or named exactly as, any of the deployments. */
  private static List<String> ours(List<Map<String, Object>> resources, List<String> deps) {
    Set<String> tags = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (String d : deps) {
      tags.add(DeployChecks.REGION + "/" + d);
      names.addAll(ownNames(d));
    }
    return Ledger.describe(Ledger.ours(resources, DeployChecks.REGION, "rel-o").stream()
        .filter(r -> tags.contains(owner(r, deps)) || names.contains(String.valueOf(r.get("name")))).toList());
  }
}
