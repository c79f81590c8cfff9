package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.DotEnv;
import io.harnessdeployer.client.config.EnvFiles;
import io.harnessdeployer.client.deploy.DeployFlags;
import io.harnessdeployer.client.deploy.DeployInputs;
import io.harnessdeployer.client.deploy.DeployInputsResolver;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.DeployWatcher;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.Started;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Checks every input, seals the credentials, then starts the deploy workflow, or joins the one
 * already running for this deployment, and follows it to the end.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Deploy the Zscaler MCP Server and its AgentCore Harness (ecs topology).")
public final class DeployCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;
  @Mixin DeployFlags flags;

  @Option(names = "--no-wait", description = "Return once the deploy has started; follow it with 'status'.")
  boolean noWait;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    DotEnv dotEnv = EnvFiles.load(ctx.cwd(), deployment.envFile());
    dotEnv.displayName().ifPresent(name -> printer.note("[INFO] settings from " + name));
    ConfigResolver config = new ConfigResolver(ctx.env(), dotEnv, ctx.prompter());
    DeployInputs inputs = new DeployInputsResolver(
        config, () -> SealKeys.load(ctx.env(), ctx.home()), deployment.yes(), printer::note)
        .resolve(flags, aws, deployment.name());
    DeployRequest request = inputs.request();

    try (TemporalConnection conn = ctx.temporal().connect(temporal.address(ctx.env()), temporal.namespace(ctx.env()))) {
      Deployments deployments = new Deployments(conn);
      DeployWatcher watcher = new DeployWatcher(deployments,
          new ProgressRenderer(printer.err(), ctx.liveProgress()), ctx.clock(), ctx.pollInterval());
      Started started = deployments.startOrAttach(request);
      if (started.attached()) {
        printer.note("[INFO] a deploy of " + started.deployment() + " is already running (since " + started.startedAt()
            + "): following it; it keeps the inputs it was started with");
      } else {
        printer.note("[INFO] started the deploy of " + started.deployment() + " (workflow " + started.workflowId()
            + ", run " + started.runId() + ")");
      }
      watcher.workerWarning().ifPresent(printer::note);
      if (noWait) {
        printer.result(started, out -> out.println(started.workflowId() + " " + started.runId()));
        return ExitCodes.OK;
      }
      return DeployReports.report(printer,
          watcher.watch(started.deployment(), started.workflowId(), started.runId()), request.key(), false);
    }
  }
}
