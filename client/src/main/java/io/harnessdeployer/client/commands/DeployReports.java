package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.Cli;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.DeployResult;
import io.harnessdeployer.client.temporal.FailedSteps;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.harnessdeployer.workflows.topology.EcsTopology;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints how a watched deploy ended and picks the exit code. */
final class DeployReports {
  private DeployReports() {}

  /**
   * @param rollbackWanted true for {@code rollback}: ROLLED_BACK is then what the user asked for
   */
  static int report(OutputPrinter printer, DeployResult r, DeploymentKey key, boolean rollbackWanted) {
    return report(printer, r, key, rollbackWanted, true);
  }

  /**
   * @param stackStays false for {@code deploy --local} on a stack of its own, which stops when the
   *     command ends: no hint to a command that could not reach it
   */
  static int report(OutputPrinter printer, DeployResult r, DeploymentKey key, boolean rollbackWanted,
      boolean stackStays) {
    String status = r.status();
    if (status.equals(DeployStatus.SUCCEEDED.name())) {
      printer.result(r, out -> summary(out, r.summary(), key, stackStays));
      return ExitCodes.OK;
    }
    if (status.equals(DeployStatus.PAUSED.name())) {
      printer.result(r, out -> paused(printer.err(), r, key, stackStays));
      return ExitCodes.PAUSED;
    }
    printer.result(r, out -> ended(printer.err(), r));
    boolean asked = rollbackWanted && status.equals(DeployStatus.ROLLED_BACK.name());
    return asked ? ExitCodes.OK : ExitCodes.FAILED;
  }

  static void summary(PrintWriter out, DeploySummary s, DeploymentKey key) {
    summary(out, s, key, true);
  }

  static void summary(PrintWriter out, DeploySummary s, DeploymentKey key, boolean stackStays) {
    out.println("Deployed " + s.deployment());
    row(out, "Harness", s.harnessId() + " (" + s.harnessName() + ", " + s.harnessStatus() + ")");
    row(out, "Harness ARN", s.harnessArn());
    row(out, "Model", s.modelId());
    row(out, "MCP URL", s.mcpUrl());
    row(out, "MCP host", s.host());
    row(out, "Execution role", s.harnessRoleArn());
    GatewayParts gw = GatewayParts.of(s, key.region());
    if (gw == null) {
      row(out, "Credential provider", s.providerArn());
    } else {
      gw.summaryRows((label, value) -> row(out, label, value));
    }
    if (s.serviceArn() != null || gw != null) {
      row(out, "Zscaler secret", secretLine(s));
    }
    row(out, "Logs", serverLogs(s, gw));
    row(out, "Harness logs", Names.HARNESS_RUNTIME_LOG_PREFIX + "*" + s.harnessName()
        + "* (made by its first invocation)");
    row(out, "Console", s.consoleUrl());
    row(out, "Credentials", rotationLine(s));
    names(out, s, gw);
    if (s.resources() != null && !s.resources().isEmpty()) {
      out.println("Resources:");
      for (ResourceOutcome r : s.resources()) {
        out.printf("  %-9s %-22s %s%s%n", r.outcome().name().toLowerCase(Locale.ROOT), r.kind(), r.id(),
            r.rotated() ? " (rotated)" : "");
      }
    }
    out.println("Next:");
    if (!stackStays) {
      out.println("  client dev   a local stack that stays; then deploy --local to it, and status, invoke, logs"
          + " and destroy reach it");
      return;
    }
    out.println("  " + command("status", key));
    out.println("  " + command("logs", key) + " --since 1h");
    out.println("  " + command("destroy", key));
  }

  /**
   * Where the MCP server writes: the ECS service's group (from the names), the gateway's Runtime
   * groups; null with an external MCP URL (not ours).
   */
  private static String serverLogs(DeploySummary s, GatewayParts gw) {
    if (gw != null) {
      String runtime = lastSegment(gw.ids().get(io.harnessdeployer.workflows.topology.GatewayTopology.RUNTIME));
      return runtime == null ? null : Names.HARNESS_RUNTIME_LOG_PREFIX + runtime + "-* (MCP server on the Runtime)";
    }
    return s.logGroup() == null ? null : s.logGroup() + " (MCP server containers)";
  }

  /**
   * Null unless this deploy rotated credentials: then what now holds the new ones. The deploy's
   * credentials are the source of truth, also over a value rotated by hand in Secrets Manager.
   */
  static String rotationLine(DeploySummary s) {
    if (s.resources() == null) {
      return null;
    }
    List<String> what = new ArrayList<>();
    for (ResourceOutcome r : s.resources()) {
      if (r.rotated()) {
        what.add(switch (r.step()) {
          case EcsTopology.SECRET -> "secret (new version)";
          case EcsTopology.SERVICE -> "service (rolled out, new tasks read them)";
          case EcsTopology.PROVIDER -> "Token Vault provider (new key)";
          default -> r.step();
        });
      }
    }
    if (what.isEmpty()) {
      return null;
    }
    return "rotated: " + String.join(", ", what) + "; this deploy's credentials are the source of truth";
  }

  private static String secretLine(DeploySummary s) {
    if (s.secretMode() == SecretMode.PLAINTEXT || s.secretName() == null) {
      return "(none: credentials passed as plaintext env vars)";
    }
    return s.secretName() + (s.secretMode() == SecretMode.BRING_YOUR_OWN ? " (managed externally)" : "");
  }

  private static void paused(PrintWriter err, DeployResult r, DeploymentKey key, boolean stackStays) {
    err.println("Paused " + r.deployment() + (r.failedStep() == null ? "" : " at step " + r.failedStep())
        + ": " + r.error());
    alsoFailed(err, r);
    if (!stackStays) {
      err.println("This command's local stack stops now, and the paused deploy with it: run 'client dev' to keep"
          + " one, then deploy --local to it to resume or roll back");
      return;
    }
    err.println("Fix the cause, then either:");
    err.println("  " + command("resume", key) + "     run the failed step again");
    err.println("  " + command("rollback", key) + "   undo what this deploy created");
  }

  private static void ended(PrintWriter err, DeployResult r) {
    err.println("Deploy of " + r.deployment() + " ended " + r.status()
        + (r.failedStep() == null ? "" : " at step " + r.failedStep()) + ": " + r.error());
    alsoFailed(err, r);
    for (String f : r.compensationFailures()) {
      err.println("  undo failed: " + f);
    }
  }

  /** The first line names one failed step; steps that ran beside it may have failed too. */
  private static void alsoFailed(PrintWriter err, DeployResult r) {
    for (StepState s : FailedSteps.alsoFailed(r.steps(), r.failedStep())) {
      err.println("  also failed: " + s.id() + ": " + OneLine.of(s.lastError(), ProgressRenderer.MAX_DETAIL));
    }
  }

  /** The name each resource was given: the deployment's own, or a name flag's (destroy needs them back). */
  private static void names(PrintWriter out, DeploySummary s, GatewayParts gw) {
    out.println("Names:");
    row(out, "harness", s.harnessName());
    row(out, "harness role", lastSegment(s.harnessRoleArn()));
    if (gw != null) {
      gw.nameRows((label, value) -> row(out, label, value));
    } else {
      row(out, "credential provider", lastSegment(s.providerArn()));
    }
    row(out, "ECS cluster", s.cluster());
    row(out, "ECS service", lastSegment(s.serviceArn()));
    row(out, "task execution role", lastSegment(s.taskExecutionRoleArn()));
    row(out, "infrastructure role", lastSegment(s.infrastructureRoleArn()));
    row(out, "log group", s.logGroup());
    if (s.secretMode() == SecretMode.MANAGED) {
      row(out, "secret", s.secretName());
    }
  }

  /** The name in an ARN ({@code .../role/<name>}, {@code .../service/<cluster>/<name>}), or null. */
  static String lastSegment(String arn) {
    return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
  }

  static String command(String verb, DeploymentKey key) {
    return Cli.BIN_NAME + " " + verb + " --name " + key.name() + " --region " + key.region();
  }

  private static void row(PrintWriter out, String label, String value) {
    if (value != null && !value.isBlank()) {
      out.printf("  %-20s %s%n", label, value);
    }
  }
}
