package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.deploy.DeployFlags;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.DriftRuns;
import io.harnessdeployer.client.temporal.Started;
import io.harnessdeployer.client.temporal.TemporalConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Previews a deploy with deploy's settings and writes nothing. The Zscaler credentials are checked
 * when given but never needed: a plan does not compare the secret's value (a deploy reports it).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Show what a deploy with these settings would do, per resource: create, update (with the"
        + " properties that would change), adopt, no-op or conflict. Writes nothing. Exit 0 no changes, 2 changes,"
        + " 1 error or conflict.")
public final class PlanCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;
  @Mixin DeployFlags flags;

  @Option(names = "--local", description = "Plan against the running local stack ('client dev').")
  boolean local;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    DeploySettings.Checked c = DeploySettings.resolveForCheck(ctx, spec, printer, temporal, aws, deployment, flags,
        local, false, "plan");
    try (TemporalConnection conn = ctx.temporal().connect(c.target().temporalAddress(), c.target().namespace())) {
      DriftRuns runs = new DriftRuns(conn);
      Started s = runs.startPlan(c.deployed(conn, printer));
      printer.note((s.attached() ? "[INFO] a plan of " + s.deployment() + " is already running: following it"
          : "[INFO] started the plan of " + s.deployment()) + " (workflow " + s.workflowId() + ", run " + s.runId() + ")");
      return PlanReports.report(printer, runs.plan(s));
    }
  }
}
