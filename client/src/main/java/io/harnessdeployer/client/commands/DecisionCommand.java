package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.DeployWatcher;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/** Sends an operator decision to a paused deploy, then follows the deploy like {@code deploy} does. */
final class DecisionCommand {
  private DecisionCommand() {}

  static int run(CliContext ctx, CommandSpec spec, TemporalOptions temporal, AwsOptions aws, OutputOptions output,
      DeploymentOptions deployment, OperatorDecision decision, boolean noWait, Consumer<DeploymentKey> confirm) {
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws); // before the confirmation: a bad address should not wait for a yes
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    confirm.accept(key);
    Target target = Target.resolve(ctx, temporal, aws);
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      Deployments deployments = new Deployments(conn);
      String ack = deployments.decide(key, decision);
      printer.note("[INFO] " + ack);
      WorkflowExecutionDescription d = deployments.describe(key).orElseThrow(() -> Deployments.noDeployment(key));
      String runId = d.getExecution().getRunId();
      if (noWait) {
        printer.result(new Ack(key.toString(), key.workflowId(), runId, decision.name(), ack),
            out -> out.println(ack));
        return ExitCodes.OK;
      }
      DeployWatcher watcher = new DeployWatcher(deployments,
          new ProgressRenderer(printer.err(), ctx.liveProgress()), ctx.clock(), ctx.pollInterval());
      return DeployReports.report(printer, watcher.watch(key.toString(), key.workflowId(), runId), key,
          decision == OperatorDecision.ROLLBACK);
    }
  }

  /** What {@code --no-wait} prints. */
  record Ack(String deployment, String workflowId, String runId, String decision, String acknowledgement) {}
}
