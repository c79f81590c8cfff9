package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Rolls a paused deploy back: only what that run created is deleted. Exit 0 once it is rolled back,
 * 1 if some undo failed.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Undo what a paused deploy created, in reverse order, then follow it to the end.")
public final class RollbackCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  @Option(names = "--no-wait", description = "Return once the deploy has accepted the decision.")
  boolean noWait;

  @Override
  public Integer call() {
    var ctx = root.context();
    return DecisionCommand.run(ctx, spec, temporal, aws, output, deployment, OperatorDecision.ROLLBACK, noWait,
        key -> Confirmations.yesNo(ctx.prompter(), deployment.yes(), "roll back " + key,
            "Roll back the paused deploy of " + key + "? What it created will be deleted."));
  }
}
