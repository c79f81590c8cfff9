package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.live.ExpectedAccount;
import io.harnessdeployer.client.config.DotEnv;
import io.harnessdeployer.client.config.EnvFiles;
import io.harnessdeployer.client.config.Placeholders;
import io.harnessdeployer.client.destroy.DestroyFlags;
import io.harnessdeployer.client.drift.DriftSchedules;
import io.harnessdeployer.client.destroy.DestroyInputsResolver;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.DestroyWatcher;
import io.harnessdeployer.client.temporal.Started;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Resolves the deployment and its resource names as {@code deploy} does, has the person type the
 * deployment name (or takes {@code --yes}), starts the destroy workflow on the deployment's workflow
 * id and follows it to its per-resource report. Exit 0 when nothing failed, 1 otherwise.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
    description = "Delete what the deployment created, in reverse order; keep what a --keep flag names;"
        + " never touch what is not tagged for this deployment.")
public final class DestroyCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;
  @Mixin DestroyFlags flags;

  /** The topology the deployment's last operation ran with, when none was named; noted when it is not ecs. */
  private DestroyRequest deployedTopology(Deployments deployments, DestroyRequest request, OutputPrinter printer) {
    Topology t = deployments.lastTopology(request.key()).orElse(request.topology());
    if (flags.keepCognito() && t != Topology.GATEWAY) {
      throw CliException.badInput("--keep-cognito keeps the gateway topology's Cognito pool: " + request.key()
          + " is not known to be a gateway deployment (pass --topology gateway, or drop it)");
    }
    if (t == request.topology()) {
      return request;
    }
    printer.note("[INFO] topology " + t.name().toLowerCase(java.util.Locale.ROOT) + ": the one " + request.key()
        + " was deployed with");
    return request.toBuilder().topology(t).build();
  }

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DeployCommand.refuseRemoteEndpoint(ctx, temporal, aws, "destroy");
    DotEnv dotEnv = EnvFiles.load(ctx.cwd(), deployment.envFile());
    dotEnv.displayName().ifPresent(name -> printer.note("[INFO] settings from " + name));
    printer.hold(); // until every input is checked: bad input shows only the settings file and its error
    Placeholders.warnings(spec.commandLine().getParseResult(), ctx.env(), dotEnv).forEach(printer::note);
    ConfigResolver config = new ConfigResolver(ctx.env(), dotEnv, ctx.prompter());
    DestroyInputsResolver resolver = new DestroyInputsResolver(config);
    DestroyRequest resolved = resolver.resolve(flags, aws, deployment.name());
    boolean topologyGiven = resolver.topologyGiven(flags);
    String profile = config.find(ConfigKeys.AWS_PROFILE, aws.profile(), "--profile").map(InputChecks::profile).orElse(null);
    Target target = Target.resolve(ctx, temporal, aws);
    DestroyRequest checked = resolved.toBuilder().expectedAccount(
        ExpectedAccount.resolve(ctx.aws(), target, resolved.region(), profile, resolved.assumeRole())).build();
    printer.release();
    DestroyRequest request = checked;
    DeploymentKey key = request.key();
    if (!deployment.yes() && ctx.prompter().interactive()) {
      DestroyReports.plan(printer.err(), request, topologyGiven);
    }
    Confirmations.typedName(ctx.prompter(), deployment.yes(), key.name(), "destroy " + key);

    target.local().ifPresent(s -> printer.note("[INFO] using the local stack of process " + s.pid()
        + ": Temporal " + s.temporalAddress() + ", AWS " + s.awsEndpoint()));
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      // first: a scheduled heal must not recreate what the destroy deletes
      DriftSchedules.Removed unscheduled = new DriftSchedules(conn).unschedule(key, true);
      if (!unscheduled.nothing()) {
        printer.note("[INFO] before the destroy: " + DriftScheduling.describe(unscheduled, key, true));
      }
      Deployments deployments = new Deployments(conn);
      if (!topologyGiven) {
        request = deployedTopology(deployments, request, printer);
      }
      Started started = deployments.startDestroy(request);
      printer.note("[INFO] started the destroy of " + key + " (workflow " + started.workflowId()
          + ", run " + started.runId() + ")");
      deployments.workerWarning("destroy").ifPresent(printer::note);
      DestroyWatcher watcher = new DestroyWatcher(deployments,
          new ProgressRenderer(printer.err(), ctx.liveProgress()), ctx.clock(), ctx.pollInterval());
      return DestroyReports.report(printer, watcher.watch(key.toString(), started.workflowId(), started.runId()));
    }
  }
}
