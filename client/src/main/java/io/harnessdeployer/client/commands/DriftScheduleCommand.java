package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.deploy.DeployFlags;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.client.ExitCodes;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Creates or updates the deployment's drift schedule (a timer loop on a server without Schedules). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = "Check the deployment for drift on a Temporal Schedule (overlap skip, pause on failure);"
        + " created, or updated when it exists. On the local test server: a timer loop instead.")
public final class DriftScheduleCommand implements Callable<Integer> {
  @ParentCommand DriftCommand drift;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;
  @Mixin DeployFlags flags;

  @Option(names = "--every", required = true, paramLabel = "DURATION", converter = DurationConverter.DriftInterval.class,
      description = "How often to check, e.g. 6h, 30m, 1h30m; 1m to 168h.")
  Duration every;

  @Option(names = "--heal", description = "Heal drift when a check finds it (runs the deploy); needs the Zscaler"
      + " credentials, which the schedule keeps sealed.")
  boolean heal;

  @Option(names = "--local", description = "Schedule on the running local stack ('client dev').")
  boolean local;

  @Override
  public Integer call() {
    CliContext ctx = drift.context("schedule");
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    DeploySettings.Checked c = DeploySettings.resolveForCheck(ctx, spec, printer, temporal, aws, deployment, flags,
        local, heal, "drift check");
    try (TemporalConnection conn = ctx.temporal().connect(c.target().temporalAddress(), c.target().namespace())) {
      DriftScheduling.Result r = DriftScheduling.schedule(printer, conn, c.deployed(conn, printer), heal, every, flags.onFailureGiven());
      printer.result(r, out -> out.println(DriftScheduling.line(r)));
      return ExitCodes.OK;
    }
  }
}
