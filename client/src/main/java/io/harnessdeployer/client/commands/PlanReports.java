package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.workflows.plan.PlanAction;
import io.harnessdeployer.workflows.plan.PlanReport;
import io.harnessdeployer.workflows.plan.PlannedResource;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints a plan as a table (or JSON) and picks the exit code: 0 no changes, 2 changes, 1 a conflict. */
final class PlanReports {
  private PlanReports() {}

  static int report(OutputPrinter printer, PlanReport r) {
    printer.result(r, out -> table(out, r));
    return r.conflicts() ? ExitCodes.FAILED : r.changes() ? ExitCodes.CHANGES : ExitCodes.OK;
  }

  static void table(PrintWriter out, PlanReport r) {
    out.println("Plan for " + r.region() + "/" + r.deployment());
    out.println(String.format("  %-10s %-20s %s", "ACTION", "RESOURCE", "NAME"));
    for (PlannedResource p : r.resources()) {
      out.println(String.format("  %-10s %-20s %s", word(p.action()), DriftReports.text(p.id()), DriftReports.text(p.name()))
          + (p.reason() == null ? "" : " (" + DriftReports.text(p.reason()) + ")"));
      p.changes().forEach(c -> out.println(DriftReports.property(c)));
    }
    Map<String, Integer> tally = new TreeMap<>();
    r.resources().forEach(p -> tally.merge(word(p.action()), 1, Integer::sum));
    String counts = String.join(", ", tally.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    out.println(r.conflicts() ? "CONFLICT: a deploy would refuse before its first write: " + counts
        : r.changes() ? "CHANGES: " + counts : "NO CHANGES: a deploy would write nothing");
  }

  /** {@code create}, {@code update}, {@code adopt}, {@code no-op}, {@code conflict}. */
  static String word(PlanAction a) {
    return a.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
