package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.Cli;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.workflows.adopt.AdoptFinding;
import io.harnessdeployer.workflows.adopt.AdoptReport;
import io.harnessdeployer.workflows.adopt.AdoptStatus;
import io.harnessdeployer.workflows.adopt.AdoptVerdict;
import io.harnessdeployer.workflows.common.DeploymentKey;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What adopt shows before it asks, and how it ended; picks the exit code. */
final class AdoptReports {
  /** Wider names still print whole; the columns after them just move. */
  private static final int MAX_NAME = 60;

  private AdoptReports() {}

  static long toTag(AdoptReport plan) {
    return plan.resources().stream().filter(f -> f.verdict() == AdoptVerdict.WILL_TAG).count();
  }

  /** The plan, before the person confirms (stderr). */
  static void plan(PrintWriter err, AdoptReport plan) {
    err.println("Adopt plan for " + plan.deployment() + ": " + toTag(plan)
        + " resource(s) of the original tool to tag; no configuration is changed");
    rows(err, plan);
    err.flush();
  }

  /**
   * The final report (stdout). Exit 0 when adopted or nothing needed a tag; 1 when refused or the
   * plan changed (nothing was tagged either way).
   */
  static int report(OutputPrinter printer, AdoptReport report, DeploymentKey key, List<String> deployFlags) {
    List<String> notes = new ArrayList<>(report.notes());
    boolean ok = report.status() == AdoptStatus.ADOPTED || report.status() == AdoptStatus.NOTHING_TO_DO;
    if (ok && !deployFlags.isEmpty()) {
      notes.add("deploy and destroy find these names only with: --name " + key.name() + " --region " + key.region()
          + " " + String.join(" ", deployFlags));
    }
    AdoptReport shown = new AdoptReport(report.deployment(), report.status(), report.resources(), List.copyOf(notes));
    printer.result(shown, out -> table(out, shown, key));
    return ok ? ExitCodes.OK : ExitCodes.FAILED;
  }

  static void table(PrintWriter out, AdoptReport r, DeploymentKey key) {
    long refused = r.resources().stream().filter(f -> f.verdict() == AdoptVerdict.REFUSED).count();
    out.println(switch (r.status()) {
      case ADOPTED -> "Adopted " + r.resources().stream().filter(f -> f.verdict() == AdoptVerdict.TAGGED).count()
          + " resource(s) for " + r.deployment() + ": deploy, status and destroy now treat them as ours";
      case NOTHING_TO_DO, PLANNED -> "Nothing to tag for " + r.deployment()
          + ": every resource found is already ours, missing or left alone";
      case REFUSED -> "Adopt of " + r.deployment() + " refused: " + refused
          + " resource(s) belong to another deployment; nothing was tagged. Choose the owner's --name, or '"
          + Cli.BIN_NAME + " destroy' the owner first";
      case PLAN_CHANGED -> "Adopt of " + r.deployment() + " stopped: the resources changed since the plan;"
          + " nothing was tagged";
    });
    rows(out, r);
    for (String note : r.notes()) {
      out.println("Note: " + note);
    }
  }

  private static void rows(PrintWriter out, AdoptReport r) {
    int width = r.resources().stream().mapToInt(f -> name(f).length()).max().orElse(0);
    String row = "  %-16s %-" + Math.max(4, Math.min(width, MAX_NAME)) + "s  %-12s %s%n";
    out.printf(row, "KIND", "NAME", "ACTION", "WHY");
    for (AdoptFinding f : r.resources()) {
      out.printf(row, f.target().kind().label(), name(f), label(f.verdict()), f.detail());
    }
  }

  /** The name as the person knows it; the harness with the state file's id it was found by. */
  private static String name(AdoptFinding f) {
    return f.target().name() + (f.target().id() == null ? "" : " (id " + f.target().id() + ")");
  }

  private static String label(AdoptVerdict v) {
    return switch (v) {
      case WILL_TAG -> "tag";
      case TAGGED -> "tagged";
      case ALREADY_OURS -> "already ours";
      case MISSING -> "missing";
      case LEFT_ALONE -> "left alone";
      case REFUSED -> "REFUSED";
    };
  }
}
