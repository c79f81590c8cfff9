package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.bench.reliability.FaultOps.Op;
import io.harnessdeployer.bench.reliability.FaultOps.Propagation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Issue 13 part 2, the fault matrix: for every AWS operation a deploy of each topology calls
 * ({@link FaultOps}, checked against a clean deploy's request log by the coverage cases), a
 * transient fault (throttling or three 500s: completes alone), IAM-propagation errors for 20 s where
 * AWS gives them (completes), and a permanent one (access denied) under {@code --on-failure
 * rollback} (rolled back, nothing of ours left, an adopted log group untouched) and under {@code
 * pause} (paused; once cleared, {@code client resume} completes it). {@code --fast}: the coverage
 * and transient cases only. Transient faults are grouped: one deploy carries one on each operation
 * of its group ({@link FaultOps#transientGroups}), and each must have fired three times and (but
 * for an advisory call) been called again after (request log) for the case to pass.
 */
public final class FaultSection implements Section {
  static final String REGION = Lane.REGION;
  private static final List<String> TOPOLOGIES = List.of("ecs", "gateway");

  @Override
  public String name() {
    return "fault";
  }

  @Override
  public String tried() {
    return "faults (operation x kind; transient ones grouped per deploy)";
  }

  @Override
  public List<Case> cases(boolean fast, long seed) {
    List<Case> out = new ArrayList<>();
    int[] n = {0};
    Function<String, String> next = t -> String.format("rel-f%03d", n[0]++);
    for (String t : TOPOLOGIES) {
      String d = next.apply(t);
      out.add(new Case(t + " coverage", lane -> new FaultRun(lane, t, d, t + " coverage").coverage()));
    }
    for (String t : TOPOLOGIES) {
      // fast: throttling and 500s in turn per operation; full: again with the kinds swapped
      List<List<Op>> groups = FaultOps.transientGroups(t);
      for (int parity = 0; parity < (fast ? 1 : 2); parity++) {
        for (int g = 0; g < groups.size(); g++) {
          int p = parity;
          List<Op> ops = groups.get(g);
          String d = next.apply(t);
          String name = t + " transient " + (p == 0 ? "throttle/500" : "500/throttle") + " group " + (g + 1) + "/"
              + groups.size() + " (" + ops.size() + " ops)";
          out.add(new Case(name, ops.size(), lane -> new FaultRun(lane, t, d, name).transient_(ops, p)));
        }
      }
    }
    if (fast) return out;
    for (String t : TOPOLOGIES) {
      for (Op op : FaultOps.of(t)) {
        if (op.propagation() == Propagation.NONE) continue;
        String d = next.apply(t);
        String name = op.label() + " iam-propagation 20s";
        out.add(new Case(name, lane -> new FaultRun(lane, t, d, name).iamPropagation(op)));
      }
    }
    for (String t : TOPOLOGIES) {
      for (Op op : FaultOps.of(t)) {
        if (!op.aws()) continue; // the MCP server's /health is no AWS call: its transient row is all
        if (op.advisory()) { // best effort by design: a permanent error there must not stop the deploy
          for (String mode : List.of("rollback", "pause")) {
            String d = next.apply(t);
            String name = op.label() + " permanent " + mode + " (advisory: completes)";
            out.add(new Case(name, lane -> new FaultRun(lane, t, d, name).permanentAdvisory(op, mode)));
          }
          continue;
        }
        String dr = next.apply(t);
        String rollback = op.label() + " permanent rollback";
        out.add(new Case(rollback, lane -> new FaultRun(lane, t, dr, rollback).permanentRollback(op)));
        String dp = next.apply(t);
        String pause = op.label() + " permanent pause+resume";
        out.add(new Case(pause, lane -> new FaultRun(lane, t, dp, pause).permanentPause(op)));
      }
    }
    return out;
  }
}
