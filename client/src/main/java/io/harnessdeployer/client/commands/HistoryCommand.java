package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.Operations;
import io.harnessdeployer.client.temporal.Operations.Operation;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The audit trail of a deployment, as long as Temporal's retention keeps its runs. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Show the operations run on a deployment (deploy, destroy, drift, adopt): when, by whom, the outcome"
        + " and the failed step, oldest first.")
public final class HistoryCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  public record History(String deployment, List<Operation> operations) {}

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    Target target = Target.resolve(ctx, temporal, aws);
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      List<Operation> ops = new Operations(conn).of(key);
      if (ops.isEmpty()) {
        throw Deployments.noDeployment(key);
      }
      History h = new History(key.toString(), ops);
      printer.result(h, out -> {
        out.printf("%-9s %-24s %-24s %-14s %-22s %s%n", "OPERATION", "STARTED", "ENDED", "OUTCOME", "BY", "FAILED STEP");
        for (Operation o : ops) {
          out.printf("%-9s %-24s %-24s %-14s %-22s %s%n", o.operation(), o.startedAt(),
              o.closedAt() == null ? "-" : o.closedAt(), o.outcome(), o.startedBy() == null ? "-" : o.startedBy(),
              o.failedStep() == null ? "-" : o.failedStep());
        }
      });
      return ExitCodes.OK;
    }
  }
}
