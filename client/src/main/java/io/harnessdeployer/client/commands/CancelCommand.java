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
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.DeployResult;
import io.harnessdeployer.client.temporal.DeployWatcher;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.DestroyResult;
import io.harnessdeployer.client.temporal.DestroyWatcher;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Cancels the operation running on a deployment, the one a "wait for it to finish, or cancel it"
 * error names. A deploy then rolls back what its run created (its calls in flight end first); a
 * destroy stops, and what it deleted stays deleted. Exit 0 once the operation ended CANCELED with
 * nothing left failing, 1 otherwise.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel the deploy or destroy running on a deployment: a deploy rolls back what it"
        + " created; a destroy stops where it is.")
public final class CancelCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  @Option(names = "--no-wait", description = "Return once the cancel is requested.")
  boolean noWait;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    Target target = Target.resolve(ctx, temporal, aws);
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      Deployments deployments = new Deployments(conn);
      WorkflowExecutionDescription open = deployments.running(key);
      boolean deploy = Deployments.DEPLOY_TYPE.equals(open.getWorkflowType());
      String what = deploy ? "deploy" : "destroy";
      Confirmations.yesNo(ctx.prompter(), deployment.yes(), "cancel the " + what + " of " + key, deploy
          ? "Cancel the running deploy of " + key + "? What this run created will be rolled back."
          : "Cancel the running destroy of " + key + "? What it deleted stays deleted.");
      String runId = deployments.cancel(open).getExecution().getRunId();
      String ack = "cancel requested for the " + what + " of " + key + " (run " + runId + ")"
          + (deploy ? ": it rolls back what it created once its calls in flight end" : "");
      printer.note("[INFO] " + ack);
      if (noWait) {
        printer.result(new Ack(key.toString(), key.workflowId(), runId, what, ack), out -> out.println(ack));
        return ExitCodes.OK;
      }
      ProgressRenderer renderer = new ProgressRenderer(printer.err(), ctx.liveProgress());
      if (deploy) {
        DeployResult r = new DeployWatcher(deployments, renderer, ctx.clock(), ctx.pollInterval())
            .watch(key.toString(), key.workflowId(), runId);
        int exit = DeployReports.report(printer, r, key, false);
        return cancelled(r.status()) && r.compensationFailures().isEmpty() ? ExitCodes.OK : exit;
      }
      DestroyResult r = new DestroyWatcher(deployments, renderer, ctx.clock(), ctx.pollInterval())
          .watch(key.toString(), key.workflowId(), runId);
      int exit = DestroyReports.report(printer, r);
      return cancelled(r.status()) ? ExitCodes.OK : exit;
    }
  }

  private static boolean cancelled(String status) {
    return "CANCELED".equals(status);
  }

  /** What {@code --no-wait} prints. */
  record Ack(String deployment, String workflowId, String runId, String operation, String acknowledgement) {}
}
