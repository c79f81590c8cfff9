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

@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Run the failed step of a paused deploy again, then follow the deploy.")
public final class ResumeCommand implements Callable<Integer> {
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
    return DecisionCommand.run(root.context(), spec, temporal, aws, output, deployment, OperatorDecision.RETRY,
        noWait, key -> {});
  }
}
