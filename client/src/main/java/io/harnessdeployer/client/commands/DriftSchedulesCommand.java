package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.drift.ScheduledChecks;
import io.harnessdeployer.client.drift.ScheduledChecks.ScheduledCheck;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.TemporalConnection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Every deployment's scheduled drift checks in the namespace: schedules and timer loops. */
@Command(name = "schedules", mixinStandardHelpOptions = true,
    description = "List the scheduled drift checks of every deployment in the namespace: deployment, every, heal,"
        + " next run (when known).")
public final class DriftSchedulesCommand implements Callable<Integer> {
  @ParentCommand DriftCommand drift;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    CliContext ctx = drift.context("schedules");
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    AwsOptions noAws = new AwsOptions(); // a listing reads no AWS: only where Temporal is
    Target.check(ctx, temporal, noAws);
    Target target = Target.resolve(ctx, temporal, noAws);
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      List<ScheduledCheck> all = new ScheduledChecks(conn).list();
      printer.result(all, out -> {
        if (all.isEmpty()) {
          out.println("No drift checks are scheduled in namespace " + target.namespace());
          return;
        }
        out.println(String.format("%-32s %-9s %-6s %-5s %-22s %s", "DEPLOYMENT", "KIND", "EVERY", "HEAL", "NEXT RUN", "ID"));
        all.forEach(c -> out.println(String.format("%-32s %-9s %-6s %-5s %-22s %s", c.deployment(),
            c.mechanism() + (c.paused() ? "(paused)" : ""), c.every(), c.heal() ? "yes" : "no",
            c.nextRun() == null ? "unknown" : c.nextRun(), c.id())));
      });
      return ExitCodes.OK;
    }
  }
}
