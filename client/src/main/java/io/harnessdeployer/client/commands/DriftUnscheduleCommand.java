package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.drift.DriftSchedules;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Deletes the deployment's drift schedule, or asks its timer loop to stop; nothing scheduled is fine. */
@Command(name = "unschedule", mixinStandardHelpOptions = true,
    description = "Stop the deployment's scheduled drift checks: delete its schedule, or end its timer loop after"
        + " the check in progress. Nothing scheduled is not an error.")
public final class DriftUnscheduleCommand implements Callable<Integer> {
  @ParentCommand DriftCommand drift;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  /** What {@code --output json} prints. */
  record Result(String deployment, String id, boolean scheduleDeleted, String loopRunId, String message) {}

  @Override
  public Integer call() {
    CliContext ctx = drift.context("unschedule");
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    Target target = Target.resolve(ctx, temporal, aws);
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      DriftSchedules.Removed r = new DriftSchedules(conn).unschedule(key, false);
      String line = DriftScheduling.describe(r, key, false);
      printer.result(new Result(key.toString(), r.id(), r.schedule(), r.loopRunId(), line),
          out -> out.println(Character.toUpperCase(line.charAt(0)) + line.substring(1)));
      return ExitCodes.OK;
    }
  }
}
