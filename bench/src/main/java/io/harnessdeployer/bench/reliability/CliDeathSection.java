package io.harnessdeployer.bench.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 13 part 3: the CLI dies. {@code kill -9} of {@code client deploy} early (no resource created
 * yet: every create is gated by a failing fault, retried until removed) and late (the harness create is gated, every
 * other resource done), and Ctrl-C. The deploy must go on in the worker without any client, and
 * {@code client deploy} run again must attach to the same run (one run, one create per resource),
 * show its progress and exit 0. Ctrl-C must print one line saying the deploy goes on, exit 130.
 * Mid-run is certain, not a race: each act waits for a held or gated call, which a fault keeps open.
 */
public final class CliDeathSection implements Section {
  private static final String NAME = "cli";
  /** The late kill comes after at least this many resources were created. */
  private static final int SEVERAL = 3;
  private static final String EARLY = "kill -9 early (before any create), deploy again attaches";
  private static final String LATE = "kill -9 late (after several creates), deploy again attaches";
  private static final String CTRL_C = "Ctrl-C: one line, exit 130, the deploy completes";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Case> cases(boolean fast, long seed) {
    // --fast: the early kill only (17 s at load 34 on 2 cores); the others take as long and add little to it
    if (fast) return List.of(new Case(EARLY, lane -> killed(lane, EARLY, "rel-k1", true)));
    return List.of(
        new Case(EARLY, lane -> killed(lane, EARLY, "rel-k1", true)),
        new Case(LATE, lane -> killed(lane, LATE, "rel-k2", false)),
        new Case(CTRL_C, lane -> interrupted(lane, CTRL_C, "rel-k3")));
  }

  private static Outcome killed(Lane lane, String name, String dep, boolean early) {
    Checks c = new Checks();
    lane.control().reset();
    lane.startWorker();
    var names = DeployChecks.names(dep);
    String harnessGate = DeployChecks.gateHarness(lane, dep);
    List<String> createGates = early ? gateCreates(lane) : List.of();
    AsyncClient first = lane.startClient("deploy", "--name", dep, "--yes");
    if (!c.check(first.awaitOutput("started the deploy", DeployChecks.CLIENT_LINE), "first client never started the deploy: "
        + first.output())) {
      first.kill9();
      return outcome(name, c, 0, 0, 0);
    }
    String run = DeployChecks.startedRun(first.stderr());
    if (early) {
      // early: the workflow runs and its creates are being tried (and refused by the gates)
      c.check(Poll.until(DeployChecks.OPERATION, () -> lane.control().requests().stream().anyMatch(q ->
          String.valueOf(q.get("operation")).startsWith("Create"))), "the deploy never tried a create");
    } else {
      // late: every resource but the harness is done; its create is gated (failing, retried)
      c.check(DeployChecks.awaitCalled(lane, CrashPoints.AC, "CreateHarness", names.harness(), DeployChecks.OPERATION),
          "the deploy never reached the harness create");
    }
    first.kill9();
    long created = DeployChecks.anyCreates(lane.control().requests());
    c.note("killed the client (exit " + first.process().exitValue() + ") after " + created + " create(s)");
    if (early) c.check(created == 0, "early kill came after " + created + " create(s)");
    else c.check(created >= SEVERAL, "late kill after only " + created + " create(s)");
    createGates.forEach(lane.control()::removeFault);

    // no client now: the deploy must go on in the worker
    String readyGate = null;
    if (early) {
      c.check(DeployChecks.awaitCalled(lane, CrashPoints.AC, "CreateHarness", names.harness(), DeployChecks.OPERATION),
          "with no client, the deploy never reached the harness create");
    } else {
      readyGate = DeployChecks.gate(lane, CrashPoints.AC, "GetHarness", null);
      lane.control().removeFault(harnessGate);
      c.check(Poll.until(DeployChecks.OPERATION, () -> {
        List<Map<String, Object>> log = lane.control().requests();
        return log.stream().anyMatch(q -> DeployChecks.is(q, CrashPoints.AC, "CreateHarness", names.harness())
            && DeployChecks.ok(q)) && log.stream().anyMatch(q -> DeployChecks.is(q, CrashPoints.AC, "GetHarness", null)
            && !DeployChecks.ok(q));
      }), "with no client, the deploy never created the harness and polled it");
    }
    c.note(created + " -> " + DeployChecks.anyCreates(lane.control().requests()) + " creates with no client");

    AsyncClient again = lane.startClient("deploy", "--name", dep, "--yes");
    boolean attachedLine = again.awaitOutput("is already running", DeployChecks.CLIENT_LINE);
    c.check(attachedLine, "deploy run again did not say it attached");
    c.check(!again.stderr().contains("started the deploy"), "deploy run again started a run");
    String joined = DeployChecks.attachedRun(again.stderr());
    c.check(run != null && run.equals(joined), "deploy run again attached to run " + joined + ", not " + run);
    lane.control().removeFault(harnessGate);
    if (readyGate != null) lane.control().removeFault(readyGate);
    int exit = again.await(DeployChecks.OPERATION);
    c.check(exit == 0, "deploy run again exit " + exit);
    c.check(again.stderr().contains("Harness READY"), "deploy run again showed no progress (no \"Harness READY\" step)");
    c.check(again.stdout().contains("Deployed us-east-1/" + dep), "deploy run again printed no summary");
    if (exit != 0) c.note(again.output());
    return finish(lane, name, dep, run, c);
  }

  /**
   * Every create of the deploy gated (failing with a retryable 500, never applied) until removed:
   * the kill certainly lands before the first resource exists, however slow the machine.
   */
  private static List<String> gateCreates(Lane lane) {
    return DeployChecks.ECS_CREATES.stream().map(cr -> cr.service() + " " + cr.operation()).distinct().map(k -> {
      String[] p = k.split(" ");
      return DeployChecks.gate(lane, p[0], p[1], null);
    }).toList();
  }

  private static Outcome interrupted(Lane lane, String name, String dep) {
    Checks c = new Checks();
    lane.control().reset();
    lane.startWorker();
    var names = DeployChecks.names(dep);
    String gate = DeployChecks.gateHarness(lane, dep);
    AsyncClient client = lane.startClient("deploy", "--name", dep, "--yes");
    boolean started = client.awaitOutput("started the deploy", DeployChecks.CLIENT_LINE);
    c.check(started, "the client never started the deploy: " + client.output());
    String run = DeployChecks.startedRun(client.stderr());
    c.check(DeployChecks.awaitCalled(lane, CrashPoints.AC, "CreateHarness", names.harness(), DeployChecks.OPERATION),
        "the deploy never reached the harness create");
    client.sigint();
    int exit = client.await(Duration.ofSeconds(60));
    c.check(exit == 130, "exit " + exit + " after SIGINT, not 130");
    List<String> lines = client.stderr().lines().filter(l -> l.contains("interrupted")).toList();
    c.check(lines.size() == 1, lines.size() + " \"interrupted\" lines, not 1: " + lines);
    String line = lines.isEmpty() ? "" : lines.get(0);
    c.check(line.contains("goes on in the worker"), "the line does not say the deploy goes on in the worker: " + line);
    c.check(line.contains("status --name " + dep), "the line does not say how to follow it: " + line);
    c.note("line: " + line);
    lane.control().removeFault(gate);
    return finish(lane, name, dep, run, c);
  }

  /** The run completes as the one run of the deployment, one create per resource; then destroy. */
  private static Outcome finish(Lane lane, String name, String dep, String run, Checks c) {
    boolean closed = Poll.until(DeployChecks.OPERATION, () -> "SUCCEEDED".equals(DeployChecks.status(lane, dep).get("status")));
    Map<String, Object> st = DeployChecks.status(lane, dep);
    c.check(closed, "the deploy did not reach SUCCEEDED: " + st.get("status") + " " + st.get("lastError"));
    c.check(run != null && run.equals(st.get("runId")), "latest run " + st.get("runId") + " is not the started run " + run);
    Map<String, Integer> creates = DeployChecks.creates(lane.control().requests(), dep);
    int lost = DeployChecks.lost(creates);
    int duplicated = Ledger.duplicated(creates);
    c.check(lost == 0 && duplicated == 0, "creates " + creates);
    DeployChecks.Cleanup cleanup = DeployChecks.destroy(lane, dep);
    c.check(cleanup.clean(), cleanup.note());
    return outcome(name, c, lost, duplicated, cleanup.left().size());
  }

  private static Outcome outcome(String name, Checks c, int lost, int duplicated, int orphaned) {
    return new Outcome(NAME, name, c.passed(), lost, duplicated, orphaned, c.detail());
  }
}
