package io.harnessdeployer.client.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.drift.Heal;
import io.harnessdeployer.workflows.drift.ResourceDrift;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import java.io.PrintWriter;
import java.util.List;

/** Prints a drift report as a table (or JSON) and picks the exit code, as terraform plan -detailed-exitcode. */
final class DriftReports {
  /** A value longer than this is cut in the table; JSON shows it whole. */
  static final int VALUE_MAX = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private DriftReports() {}

  static int report(OutputPrinter printer, DriftReport r) {
    printer.result(r, out -> table(out, r));
    return exitCode(r);
  }

  /** 0 in sync or healed, 2 drift found, 1 a heal that failed. */
  static int exitCode(DriftReport r) {
    return switch (r.verdict()) {
      case "IN_SYNC", "HEALED" -> ExitCodes.OK;
      case "DRIFTED" -> ExitCodes.CHANGES;
      default -> ExitCodes.FAILED;
    };
  }

  static void table(PrintWriter out, DriftReport r) {
    out.println("Drift of " + r.region() + "/" + r.deployment() + " (checked " + r.checkedAt() + ")");
    resources(out, r.resources());
    Heal heal = r.heal();
    if (heal != null) {
      out.println("Heal: deploy " + heal.deployWorkflowId() + " (run " + heal.deployRunId() + ") "
          + (heal.succeeded() ? "succeeded" : "failed: " + text(heal.error())));
      heal.changes().forEach(c -> out.println("  " + text(c)));
      if (!heal.after().isEmpty()) {
        out.println("After the heal:");
        resources(out, heal.after());
      }
    }
    out.println(UserText.escapeAll(r.summary()));
  }

  private static void resources(PrintWriter out, List<ResourceDrift> resources) {
    out.println(String.format("  %-20s %-12s %s", "RESOURCE", "STATUS", "NAME"));
    for (ResourceDrift d : resources) {
      out.println(String.format("  %-20s %-12s %s", text(d.id()), d.status(), text(d.name()))
          + (d.reason() == null ? "" : " (" + text(d.reason()) + ")"));
      d.differences().forEach(p -> out.println(property(p)));
    }
  }

  /** {@code     NOT_EQUAL  image: expected "a:1", actual "a:2"}; never a secret: the workflow puts none in. */
  static String property(PropertyDiff p) {
    String line = "      " + String.format("%-10s ", p.kind()) + text(p.path()) + ":";
    if (p.kind() != PropertyDiff.Kind.ADD) {
      line += " expected " + value(p.expected());
    }
    if (p.kind() != PropertyDiff.Kind.REMOVE) {
      line += (p.kind() == PropertyDiff.Kind.ADD ? " " : ", ") + "actual " + value(p.actual());
    }
    return line;
  }

  /** A value as compact JSON, escaped and cut: live values come from AWS, anyone may have written them. */
  static String value(Object v) {
    try {
      return UserText.shorten(JSON.writeValueAsString(v), VALUE_MAX);
    } catch (JsonProcessingException e) {
      return UserText.shorten(String.valueOf(v), VALUE_MAX);
    }
  }

  static String text(String s) {
    return s == null ? "-" : UserText.escapeAll(s);
  }
}
