package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.client.local.LocalStackInfo;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.TemporalConnection;
import java.util.Optional;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.DotEnv;
import io.harnessdeployer.client.config.EnvFiles;
import io.harnessdeployer.client.config.NotesFirstPrompter;
import io.harnessdeployer.client.config.Placeholders;
import io.harnessdeployer.client.deploy.DeployFlags;
import io.harnessdeployer.client.deploy.DeployInputs;
import io.harnessdeployer.client.deploy.DeployInputsResolver;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.live.ExpectedAccount;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.secrets.SealKeys;
import picocli.CommandLine.Model.CommandSpec;

/** Deploy's settings (.env, environment, prompts), read the same way by deploy, drift and plan. */
final class DeploySettings {
  private DeploySettings() {}

  /**
   * Every input checked before anything else is printed: bad input shows only the settings file
   * and its error.
   *
   * @param sealCredentials false for what writes nothing: see {@link DeployInputsResolver#resolve}
   */
  static DeployInputs resolve(CliContext ctx, CommandSpec spec, OutputPrinter printer, DeploymentOptions deployment,
      DeployFlags flags, AwsOptions aws, boolean sealCredentials) {
    return resolve(ctx, spec, printer, deployment, flags, aws, sealCredentials, true);
  }

  private static DeployInputs resolve(CliContext ctx, CommandSpec spec, OutputPrinter printer,
      DeploymentOptions deployment, DeployFlags flags, AwsOptions aws, boolean sealCredentials, boolean askTopology) {
    if (sealCredentials) {
      InputChecks.sealKeyFile(ctx.env());
    }
    DotEnv dotEnv = EnvFiles.load(ctx.cwd(), deployment.envFile());
    printer.note(dotEnv.displayName().map(name -> "[INFO] settings from " + name)
        .orElse("[WARN] no .env or env.properties here: using flags, the environment and prompts only"));
    printer.hold();
    Placeholders.warnings(spec.commandLine().getParseResult(), ctx.env(), dotEnv).forEach(printer::note);
    ConfigResolver config = new ConfigResolver(ctx.env(), dotEnv, new NotesFirstPrompter(ctx.prompter(), printer::release));
    DeployInputs inputs = new DeployInputsResolver(
        config, () -> SealKeys.load(ctx.env(), ctx.home()), deployment.yes(), printer::note)
        .askTopology(askTopology).cwd(ctx.cwd()).resolve(flags, aws, deployment.name(), sealCredentials);
    printer.release();
    return inputs;
  }

  /** What drift and plan check, and where they send it. */
  record Checked(Target target, DeployRequest request, boolean topologyGiven) {
    /**
     * With no topology named, the one the deployment's last operation ran with (noted), so {@code
     * drift} and {@code plan} need no {@code --topology} for a gateway deployment.
     */
    DeployRequest deployed(TemporalConnection conn, OutputPrinter printer) {
      if (topologyGiven) {
        return request;
      }
      return new Deployments(conn).lastTopology(request.key()).filter(t -> t != request.topology()).map(t -> {
        printer.note("[INFO] topology " + t.name().toLowerCase(java.util.Locale.ROOT) + ": the one " + request.key()
            + " was deployed with");
        return request.toBuilder().topology(t).build();
      }).orElse(request);
    }
  }

  /**
   * Deploy's inputs for a command that starts no deploy of its own (drift, drift schedule, plan).
   * {@code --local} means the running 'client dev': a stack started for one command would hold
   * nothing to check.
   */
  static Checked resolveForCheck(CliContext ctx, CommandSpec spec, OutputPrinter printer, TemporalOptions temporal,
      AwsOptions aws, DeploymentOptions deployment, DeployFlags flags, boolean local, boolean sealCredentials,
      String verb) {
    if (local && (temporal.addressFlagGiven() || aws.endpointUrl() != null)) {
      throw CliException.badInput("--local chooses Temporal and AWS itself: drop --temporal-address and --endpoint-url");
    }
    Optional<LocalStackInfo> running = local ? new LocalStackFile(ctx.stateDir()).live() : Optional.empty();
    if (local && running.isEmpty()) {
      throw CliException.badInput("--local needs a running local stack: start 'client dev' (and deploy to it) first");
    }
    if (!local) {
      Target.check(ctx, temporal, aws);
      DeployCommand.refuseRemoteEndpoint(ctx, temporal, aws, verb);
    }
    DeployInputs inputs = resolve(ctx, spec, printer, deployment, flags, aws, sealCredentials, false);
    Target target = running.map(Target::of).orElseGet(() -> Target.resolve(ctx, temporal, aws));
    target.local().ifPresent(s -> printer.note("[INFO] using the local stack of process " + s.pid()
        + ": Temporal " + s.temporalAddress() + ", AWS " + s.awsEndpoint()));
    return new Checked(target, forTarget(ctx, target, inputs), inputs.topologyGiven());
  }

  /** The request as it goes to this target: its IAM propagation wait and the account it may touch. */
  static DeployRequest forTarget(CliContext ctx, Target target, DeployInputs inputs) {
    DeployRequest r = inputs.request();
    return r.toBuilder().iamPropagation(target.iamPropagation())
        .expectedAccount(ExpectedAccount.resolve(ctx.aws(), target, r.region(), inputs.profile(), r.assumeRole()))
        .build();
  }
}
