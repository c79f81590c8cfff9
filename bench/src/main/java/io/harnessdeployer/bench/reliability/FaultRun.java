package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.bench.reliability.FaultOps.Op;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One fault case on one lane, on a fresh emulator: arm, deploy, judge by the request log and the
 * emulator's resources, then destroy what the deploy made and count what is left.
 */
final class FaultRun {
  private static final long IAM_WINDOW_MS = 20_000;
  private static final long FIRE_TIMEOUT_MS = 180_000;
  private static final long OPERATION_TIMEOUT_S = 300;

  private final Lane lane;
  private final String topology;
  private final String deployment;
  private final String name;
  private final ResourceNames names;
  private final String workflowId;
  private final List<String> notes = new ArrayList<>();

  FaultRun(Lane lane, String topology, String deployment, String name) {
    this.lane = lane;
    this.topology = topology;
    this.deployment = deployment;
    this.name = name;
    DeploymentKey key = new DeploymentKey(FaultSection.REGION, deployment);
    this.names = ResourceNames.forDeployment(key);
    this.workflowId = key.workflowId();
  }

  /** A clean deploy: its log must call exactly the table's operations; one create per resource. */
  Outcome coverage() {
    begin();
    ClientRun deploy = deploy();
    if (deploy.exitCode() != 0) return failed("clean deploy " + brief(deploy));
    List<Map<String, Object>> log = lane.control().requests();
    Set<String> called = new TreeSet<>(FaultOps.called(log));
    Set<String> table = new TreeSet<>();
    FaultOps.of(topology).forEach(o -> table.add(o.key()));
    Set<String> withoutRows = new TreeSet<>(called);
    withoutRows.removeAll(table);
    Set<String> neverCalled = new TreeSet<>(table);
    neverCalled.removeAll(called);
    if (!withoutRows.isEmpty()) notes.add("operations without rows: " + withoutRows);
    if (!neverCalled.isEmpty()) notes.add("rows of operations the deploy no longer calls: " + neverCalled);
    notes.add(called.size() + " operations called");
    return finish(withoutRows.isEmpty() && neverCalled.isEmpty(), true);
  }

  /**
   * Each of {@code ops} fails its next 3 calls (throttling or 500, in turn by {@code parity}); the
   * deploy must complete alone, each fault must be used up and each op (but an advisory one, whose
   * failure the deploy records and passes) called again after.
   */
  Outcome transient_(List<Op> ops, int parity) {
    begin();
    Map<Op, String> codes = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      Map<String, Object> f = (i % 2 == parity) ? FaultOps.throttling(op) : FaultOps.internalError();
      arm(op, f, 3);
      codes.put(op, String.valueOf(f.get("errorCode")));
    }
    ClientRun deploy = deploy();
    if (deploy.exitCode() != 0) return failed("deploy under transient faults " + brief(deploy));
    List<String> unfired = new ArrayList<>();
    List<String> notRetried = new ArrayList<>();
    List<Map<String, Object>> log = lane.control().requests();
    Set<Object> armed = new java.util.HashSet<>();
    lane.control().faults().forEach(f -> armed.add(f.get("service") + ":" + f.get("operation")));
    codes.forEach((op, code) -> {
      List<Map<String, Object>> calls = calls(log, op);
      int failedCalls = (int) calls.stream().filter(c -> code.equals(c.get("errorCode"))).count();
      if (failedCalls < 3 || armed.contains(op.key())) {
        unfired.add(op.key() + " (" + failedCalls + " of 3)");
      } else if (!op.advisory() && !calledAfterFaults(calls, code)) {
        notRetried.add(op.key());
      }
    });
    if (!unfired.isEmpty()) notes.add("faults not fired 3 times: " + unfired);
    if (!notRetried.isEmpty()) notes.add("failed calls never retried: " + notRetried);
    notes.add(codes.size() + " operations failed 3 times each and retried");
    return finish(unfired.isEmpty() && notRetried.isEmpty(), true);
  }

  /** IAM-propagation errors on {@code op} for 20 s from its first failed call; the deploy completes. */
  Outcome iamPropagation(Op op) {
    begin();
    Map<String, Object> f = FaultOps.iamPropagation(op);
    String id = arm(op, f, null);
    Process deploy = lane.clientAsync(deployArgs());
    String code = String.valueOf(f.get("errorCode"));
    long firstFail = awaitFailedCall(op, code, deploy);
    if (firstFail < 0) {
      lane.control().removeFault(id);
      await(deploy);
      return failed("the fault on " + op.key() + " never fired");
    }
    Poll.until(Duration.ofMillis(firstFail + IAM_WINDOW_MS - System.currentTimeMillis()), () -> !deploy.isAlive());
    lane.control().removeFault(id);
    int exit = await(deploy);
    if (exit != 0) return failed("deploy exit " + exit + " after 20 s of IAM propagation on " + op.key());
    List<Map<String, Object>> calls = calls(lane.control().requests(), op);
    long failedCalls = calls.stream().filter(c -> code.equals(c.get("errorCode"))).count();
    boolean retried = failedCalls >= 2 && calledAfterFaults(calls, code);
    notes.add(failedCalls + " calls of " + op.key() + " failed as IAM propagation, then "
        + (retried ? "it succeeded" : "no later call"));
    return finish(retried, true);
  }

  /**
   * Access denied on {@code op} under {@code --on-failure rollback}, with a log group of the
   * deployment's name and tag (no run tag) made beforehand (an ecs deploy adopts it; a gateway
   * deploy does not use it): the run ends ROLLED_BACK (or FAILED when the preflight failed and
   * nothing was written), nothing else of ours is left, the log group is there with its tags unchanged.
   */
  Outcome permanentRollback(Op op) {
    begin();
    if (checkedByClient(op)) return refusedByClient(op, "rollback");
    // ecs only: a gateway deploy's preflight refuses an ecs log group of its deployment (topology
    // conflict), and what it adopts (secret, roles) it writes to; left for later
    // (and not when the fault is on CreateLogGroup: an adopted log group is never created)
    boolean adopts = topology.equals("ecs") && !op.operation().equals("CreateLogGroup");
    String adopted = names.logGroup();
    // this deployment's tag but no run tag: the deploy adopts it (untagged, it would refuse it)
    Map<String, String> tags = Map.of(io.harnessdeployer.workflows.common.Names.TAG_DEPLOYMENT,
        FaultSection.REGION + "/" + deployment, "owner", "someone-else");
    if (adopts) PreExisting.logGroup(lane, adopted, tags);
    arm(op, FaultOps.accessDenied(op), null);
    ClientRun deploy = lane.client(withArgs(deployArgs(), "--on-failure", "rollback"));
    boolean fired = failedCalls(op, String.valueOf(FaultOps.accessDenied(op).get("errorCode"))) > 0;
    String status = status();
    lane.control().clearFaults();
    notes.add("deploy exit " + deploy.exitCode() + ", status " + status);
    List<Map<String, Object>> left = new ArrayList<>(Ledger.ours(lane.control().resources(), FaultSection.REGION,
        deployment));
    Map<String, Object> kept = left.stream().filter(r -> adopted.equals(r.get("name"))).findFirst().orElse(null);
    if (adopts) left.remove(kept);
    boolean untouched = !adopts || kept != null && tags.equals(kept.get("tags"));
    if (!fired) notes.add("the fault never fired");
    if (!untouched) notes.add("adopted log group " + adopted + " " + (kept == null ? "gone" : "now tagged " + kept.get("tags")));
    if (adopts && untouched) notes.add("adopted log group kept");
    if (!left.isEmpty()) notes.add("left after rollback: " + Ledger.describe(left));
    // a read the undo needs, refused for good while the rollback runs: it cannot confirm every
    // delete, says so and keeps track; the destroy after the fault is cleared must leave nothing
    boolean incomplete = "ROLLBACK_INCOMPLETE".equals(status);
    boolean ended = deploy.exitCode() == 1 && ("ROLLED_BACK".equals(status) || incomplete
        || "FAILED".equals(status) && nothingCreated());
    if (!ended) notes.add("expected exit 1 and ROLLED_BACK: " + brief(deploy));
    int orphaned = incomplete ? 0 : left.size();
    ClientRun destroy = lane.client("destroy", "--name", deployment, "--yes");
    List<Map<String, Object>> after = Ledger.ours(lane.control().resources(), FaultSection.REGION, deployment).stream()
        .filter(r -> !adopts || !adopted.equals(r.get("name"))).toList();
    if (destroy.exitCode() != 0) notes.add("destroy " + brief(destroy));
    boolean passed = fired && untouched && (left.isEmpty() || incomplete) && ended && after.isEmpty()
        && destroy.exitCode() == 0;
    return new Outcome("fault", name, passed, 0, duplicated(), Math.max(orphaned, after.size()), String.join("; ", notes));
  }

  /** Access denied on {@code op} under the default pause: exit 3 / PAUSED; cleared, resume completes. */
  Outcome permanentPause(Op op) {
    begin();
    if (checkedByClient(op)) return refusedByClient(op, "pause");
    String code = String.valueOf(FaultOps.accessDenied(op).get("errorCode"));
    arm(op, FaultOps.accessDenied(op), null);
    ClientRun deploy = deploy();
    boolean fired = failedCalls(op, code) > 0;
    String status = status();
    lane.control().clearFaults();
    notes.add("deploy exit " + deploy.exitCode() + ", status " + status);
    if (!fired) return failed("the fault on " + op.key() + " never fired");
    if (deploy.exitCode() != 3 || !"PAUSED".equals(status)) return failed("expected exit 3 and PAUSED: " + brief(deploy));
    ClientRun resume = lane.client("resume", "--name", deployment, "--yes");
    if (resume.exitCode() != 0) return failed("resume " + brief(resume));
    return finish(true, true);
  }

  /** Access denied on an advisory call under {@code --on-failure mode}: the deploy completes anyway. */
  Outcome permanentAdvisory(Op op, String mode) {
    begin();
    String code = String.valueOf(FaultOps.accessDenied(op).get("errorCode"));
    arm(op, FaultOps.accessDenied(op), null);
    ClientRun deploy = lane.client(withArgs(deployArgs(), "--on-failure", mode));
    boolean fired = failedCalls(op, code) > 0;
    lane.control().clearFaults();
    if (!fired) return failed("the fault on " + op.key() + " never fired");
    if (deploy.exitCode() != 0) return failed("deploy with an advisory call denied " + brief(deploy));
    notes.add(op.key() + " denied, deploy completed");
    return finish(true, true);
  }

  // --- steps shared by the cases

  private void begin() {
    lane.control().reset();
    lane.sharedWorker();
  }

  private String[] deployArgs() {
    return new String[] {"deploy", "--name", deployment, "--topology", topology, "--yes"};
  }

  private static String[] withArgs(String[] a, String... more) {
    String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }

  private ClientRun deploy() {
    return lane.client(deployArgs());
  }

  private String arm(Op op, Map<String, Object> error, Integer count) {
    Map<String, Object> f = new LinkedHashMap<>(error);
    f.put("service", op.service());
    f.put("operation", op.operation());
    if (count != null) f.put("count", count);
    return lane.control().addFault(f);
  }

  /** The deployment's status as the run published it (what {@code client status} shows). */
  private String status() {
    return lane.temporal().deploymentStatus(workflowId);
  }

  /** Creates per resource against what a clean deploy of the topology makes; then destroy and orphans. */
  private Outcome finish(boolean passed, boolean destroy) {
    Map<String, Integer> creates = Ledger.successfulCreates(lane.control().requests(), null);
    int duplicated = Ledger.duplicated(creates);
    int lost = lost(creates);
    if (lost > 0) notes.add("resources never created: " + lost + " of " + creates);
    int orphaned = 0;
    boolean destroyed = true;
    if (destroy) {
      ClientRun d = lane.client("destroy", "--name", deployment, "--yes");
      destroyed = d.exitCode() == 0;
      if (!destroyed) notes.add("destroy " + brief(d));
      List<Map<String, Object>> left = Ledger.ours(lane.control().resources(), FaultSection.REGION, deployment);
      orphaned = left.size();
      if (orphaned > 0) notes.add("left after destroy: " + Ledger.describe(left));
    }
    boolean ok = passed && duplicated == 0 && lost == 0 && orphaned == 0 && destroyed;
    return new Outcome("fault", name, ok, lost, duplicated, orphaned, String.join("; ", notes));
  }

  /** A clean deploy creates one of each Create* operation of its table, and three roles. */
  private int lost(Map<String, Integer> creates) {
    int lost = 0;
    for (Op op : FaultOps.of(topology)) {
      if (!op.isCreate()) continue;
      int expected = op.operation().equals("CreateRole") ? 3 : 1;
      long made = creates.keySet().stream().filter(k -> k.startsWith(op.operation() + " ")).count();
      lost += Math.max(0, expected - (int) made);
    }
    return lost;
  }

  private int duplicated() {
    return Ledger.duplicated(Ledger.successfulCreates(lane.control().requests(), null));
  }

  /** The client's own account check (STS) runs before any workflow: a refusal there starts nothing. */
  private static boolean checkedByClient(Op op) {
    return op.service().equals(FaultOps.STS) && op.operation().equals("GetCallerIdentity");
  }

  /** Access denied to the client's own check: exit 2 with one error line, nothing started or created. */
  private Outcome refusedByClient(Op op, String mode) {
    arm(op, FaultOps.accessDenied(op), null);
    ClientRun deploy = lane.client(withArgs(deployArgs(), "--on-failure", mode));
    boolean fired = failedCalls(op, String.valueOf(FaultOps.accessDenied(op).get("errorCode"))) > 0;
    lane.control().clearFaults();
    long errors = deploy.stderr().lines().filter(l -> l.startsWith("error:")).count();
    notes.add("deploy exit " + deploy.exitCode() + ", refused by the client before any workflow");
    if (!fired) return failed("the fault on " + op.key() + " never fired");
    if (deploy.exitCode() != 2 || errors != 1) return failed("expected exit 2 and one error line: " + brief(deploy));
    if (!nothingCreated() || !Ledger.ours(lane.control().resources(), FaultSection.REGION, deployment).isEmpty()) {
      return failed("something was created after the client refused");
    }
    try {
      lane.temporal().status(workflowId);
      return failed("a workflow started");
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() != io.grpc.Status.Code.NOT_FOUND) throw e;
    }
    return new Outcome("fault", name, true, 0, 0, 0, String.join("; ", notes));
  }

  private boolean nothingCreated() {
    return Ledger.successfulCreates(lane.control().requests(), null).keySet().stream()
        .allMatch(k -> k.startsWith("CreateLogGroup ")); // the one this case made beforehand
  }

  private static List<Map<String, Object>> calls(List<Map<String, Object>> log, Op op) {
    return log.stream().filter(r -> op.service().equals(r.get("service")) && op.operation().equals(r.get("operation")))
        .toList();
  }

  /** A call of the operation after its last injected failure (the retry got through). */
  private static boolean calledAfterFaults(List<Map<String, Object>> calls, String code) {
    int last = -1;
    for (int i = 0; i < calls.size(); i++) if (code.equals(calls.get(i).get("errorCode"))) last = i;
    return last >= 0 && last < calls.size() - 1;
  }

  private long failedCalls(Op op, String code) {
    return calls(lane.control().requests(), op).stream().filter(c -> code.equals(c.get("errorCode"))).count();
  }

  /** When the first call of {@code op} failed with {@code code} (ms), or -1 if none by the deadline. */
  private long awaitFailedCall(Op op, String code, Process deploy) {
    boolean fired = Poll.until(Duration.ofMillis(FIRE_TIMEOUT_MS), () -> {
      if (!deploy.isAlive()) throw new Poll.Stop();
      return failedCalls(op, code) > 0;
    });
    return fired ? System.currentTimeMillis() : -1;
  }

  private int await(Process p) {
    java.util.OptionalInt exit = Lane.exitWithin(p, Duration.ofSeconds(OPERATION_TIMEOUT_S));
    if (exit.isEmpty()) notes.add("client still running after " + OPERATION_TIMEOUT_S + " s");
    return exit.orElse(-1);
  }

  private Outcome failed(String why) {
    notes.add(0, why);
    return new Outcome("fault", name, false, 0, duplicated(), 0, String.join("; ", notes));
  }

  /** Exit code and the client's last stderr lines, for a detail line. */
  private static String brief(ClientRun r) {
    List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
    return "exit " + r.exitCode() + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  @Override
  public String toString() {
    return Objects.toString(name);
  }
}
