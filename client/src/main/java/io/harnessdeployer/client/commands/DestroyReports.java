package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.DestroyResult;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.destroy.ResourceReport;
import java.io.PrintWriter;

/** What destroy prints before it asks, and how a watched destroy ended; picks the exit code. */
final class DestroyReports {
  private DestroyReports() {}

  /** What destroy will look for and what it keeps, before the person confirms (stderr). */
  /** @param topologyGiven false: the destroy takes the topology of the deployment's last operation */
  static void plan(PrintWriter err, DestroyRequest r, boolean topologyGiven) {
    if (r.topology() == Topology.GATEWAY) {
      gatewayPlan(err, r);
      return;
    }
    ResourceNames n = r.names();
    String ecs = r.keepEcs() ? "kept (--keep-ecs)" : null;
    String roles = r.keepRole() ? "kept (--keep-role)" : null;
    err.println("About to destroy " + r.key() + ". Deleted only if tagged for this deployment:");
    line(err, "Harness", n.harness(), null);
    line(err, "Credential provider", n.apiKeyProvider(), null);
    line(err, "Harness role", n.harnessRole(), roles);
    line(err, "ECS service", n.service() + " (cluster " + n.cluster() + ") and its task definitions", ecs);
    line(err, "Log group", n.logGroup(), ecs);
    line(err, "ECS cluster", n.cluster(), ecs);
    line(err, "ECS roles", n.taskExecutionRole() + ", " + n.infrastructureRole(), roles);
    line(err, "Secret", n.secret(), r.keepSecret() ? "kept (--keep-secret)"
        : r.forceSecretDelete() ? "deleted at once, no recovery (--force-secret-delete)" : "7-day recovery window");
    if (r.byoSecretId() != null) {
      line(err, "Your secret", r.byoSecretId(), "never touched");
    }
    err.println("  Where a resource of these names is not this deployment's, the one tagged for it is deleted"
        + " instead; the report names what was used.");
    if (!topologyGiven) {
      err.println("  These are the ecs topology's: if the deployment's last operation ran the gateway topology,"
          + " its resources are destroyed instead (--topology names it).");
    }
    err.flush();
  }

  /** Spec §7.3's pre-flight summary, in its delete order. */
  private static void gatewayPlan(PrintWriter err, DestroyRequest r) {
    ResourceNames n = r.names();
    GatewayNames g = n.gateway();
    String roles = r.keepRole() ? "kept (--keep-role)" : null;
    err.println("About to destroy " + r.key() + " (gateway topology). Deleted only if tagged for this deployment:");
    line(err, "Harness", n.harness(), null);
    line(err, "Harness role", n.harnessRole(), roles);
    line(err, "Gateway target", g.gatewayTarget() + " (of gateway " + g.gateway() + ")", null);
    line(err, "Gateway", g.gateway(), null);
    line(err, "Gateway role", g.gatewayRole(), roles);
    line(err, "OAuth2 provider", g.oauthProvider(), null);
    line(err, "Runtime", g.runtime(), null);
    line(err, "Runtime role", g.runtimeRole(), roles);
    line(err, "Cognito", "user pool " + g.userPool() + " and domain " + g.domainPrefix() + "-<account>",
        r.keepCognito() ? "kept (--keep-cognito)" : null);
    line(err, "Secret", n.secret(), r.keepSecret() ? "kept (--keep-secret)"
        : r.forceSecretDelete() ? "deleted at once, no recovery (--force-secret-delete)" : "7-day recovery window");
    if (r.byoSecretId() != null) {
      line(err, "Your secret", r.byoSecretId(), "never touched");
    }
    err.flush();
  }

  static int report(OutputPrinter printer, DestroyResult r) {
    DestroyReport report = r.report();
    if (report == null) {
      printer.result(new Ended(r.deployment(), r.status(), r.error()), out -> printer.err().println(
          "Destroy of " + r.deployment() + " ended " + r.status() + ": " + r.error()));
      return ExitCodes.FAILED;
    }
    printer.result(report, out -> table(out, report));
    return report.hasFailures() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  static void table(PrintWriter out, DestroyReport report) {
    if (report.status() == DestroyStatus.DESTROYED) {
      out.println("Destroyed " + report.deployment());
    } else {
      out.println("Destroy of " + report.deployment() + " finished with " + report.failures().size()
          + " failure(s): fix the cause, then run the same destroy again; it finishes what is left");
    }
    out.printf("  %-18s %-56s %-13s %s%n", "KIND", "NAME", "OUTCOME", "DETAIL");
    for (ResourceReport r : report.resources()) {
      out.printf("  %-18s %-56s %-13s %s%n", r.kind(), r.name(), outcome(r), r.detail() == null ? "" : r.detail());
    }
    for (String note : report.notes()) {
      out.println("Note: " + note);
    }
  }

  private static String outcome(ResourceReport r) {
    return switch (r.outcome()) {
      case DELETED -> "deleted";
      case ALREADY_GONE -> "already gone";
      case KEPT_BY_FLAG -> "kept";
      case KEPT_NOT_OURS -> "not ours";
      case FAILED -> "FAILED";
    };
  }

  private static void line(PrintWriter err, String label, String name, String disposition) {
    err.printf("  %-20s %s%s%n", label, name, disposition == null ? "" : ": " + disposition);
  }

  /** The JSON of a destroy that ended without a report (cancelled, terminated, input rejected). */
  record Ended(String deployment, String status, String error) {}
}
