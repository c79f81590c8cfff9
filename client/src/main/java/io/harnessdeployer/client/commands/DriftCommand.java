package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
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
import io.harnessdeployer.workflows.drift.DriftRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * One drift check now, with deploy's settings: the desired state of every resource against a
 * describe of the live one. Reads the credentials only to heal. Exit 0 in sync (or healed), 2 drift
 * found, 1 a failed heal or check.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Check now whether the deployment's resources still match what deploy made: per resource"
        + " IN_SYNC, MODIFIED, DELETED or NOT_CHECKED, per property what differs. Exit 0 in sync, 2 drift, 1 error.",
    subcommands = {DriftScheduleCommand.class, DriftUnscheduleCommand.class, DriftSchedulesCommand.class})
public final class DriftCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;
  @Mixin DeployFlags flags;

  @Option(names = "--heal", description = "When drift is found, run the deploy again (it converges) and check"
      + " once more; needs the Zscaler credentials, as deploy does.")
  boolean heal;

  @Option(names = "--local", description = "Check the deployment on the running local stack ('client dev').")
  boolean local;

  /**
   * The context for a subcommand, which takes its own options: one given before it ({@code drift
   * --heal schedule}) would otherwise be dropped without a word.
   */
  CliContext context(String subcommand) {
    List<String> given = spec.commandLine().getParseResult().matchedOptions().stream()
        .map(o -> o.longestName()).distinct().toList();
    if (!given.isEmpty()) {
      throw CliException.badInput("put " + String.join(", ", given) + " after 'drift " + subcommand
          + "': given before it, it would be ignored");
    }
    return root.context();
  }

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    DeploySettings.Checked c = DeploySettings.resolveForCheck(ctx, spec, printer, temporal, aws, deployment, flags,
        local, heal, "drift check");
    try (TemporalConnection conn = ctx.temporal().connect(c.target().temporalAddress(), c.target().namespace())) {
      DriftRuns runs = new DriftRuns(conn);
      Started s = runs.startCheck(DriftRequest.once(c.deployed(conn, printer), heal));
      printer.note(s.attached()
          ? "[INFO] a drift check of " + s.deployment() + " is already running: following it (workflow "
              + s.workflowId() + ", run " + s.runId() + "); it keeps the inputs it was started with"
          : "[INFO] started the drift check" + (heal ? " (heal on drift)" : "") + " of " + s.deployment()
              + " (workflow " + s.workflowId() + ", run " + s.runId() + ")");
      return DriftReports.report(printer, runs.check(s));
    }
  }
}
