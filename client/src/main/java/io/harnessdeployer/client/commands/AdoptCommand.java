package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.adopt.AdoptFlags;
import io.harnessdeployer.client.adopt.AdoptInputsResolver;
import io.harnessdeployer.client.adopt.AdoptInputsResolver.AdoptInputs;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.DotEnv;
import io.harnessdeployer.client.config.EnvFiles;
import io.harnessdeployer.client.config.Placeholders;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.AdoptRuns;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.adopt.AdoptReport;
import io.harnessdeployer.workflows.adopt.AdoptStatus;
import io.harnessdeployer.workflows.common.DeploymentKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Takes over a deployment of the original Python tool, like {@code terraform import}: a plan run of
 * the adopt workflow finds its resources (by the state file, else by name), the plan is shown, and
 * after a confirmation (or {@code --yes}) an apply run tags them for this deployment. Nothing of a
 * resource's configuration changes; a resource of another deployment refuses the whole adopt.
 */
@Command(name = "adopt", mixinStandardHelpOptions = true,
    description = "Take over a deployment made by the original Python tool: tag its resources for this"
        + " deployment, so that deploy, status and destroy treat them as ours. Changes no configuration.")
public final class AdoptCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;
  @Mixin AdoptFlags flags;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DotEnv dotEnv = EnvFiles.load(ctx.cwd(), deployment.envFile());
    dotEnv.displayName().ifPresent(name -> printer.note("[INFO] settings from " + name));
    printer.hold(); // until every input is checked: bad input shows only the settings file and its error
    Placeholders.warnings(spec.commandLine().getParseResult(), ctx.env(), dotEnv).forEach(printer::note);
    AdoptInputs inputs = new AdoptInputsResolver(new ConfigResolver(ctx.env(), dotEnv, ctx.prompter()), ctx.cwd())
        .resolve(flags, aws, deployment.name());
    printer.release();
    DeploymentKey key = inputs.plan().key();
    String action = "tag the original tool's resources for " + key;
    Confirmations.answerable(ctx.prompter(), deployment.yes(), action);

    Target target = Target.resolve(ctx, temporal, aws);
    target.local().ifPresent(s -> printer.note("[INFO] using the local stack of process " + s.pid()
        + ": Temporal " + s.temporalAddress() + ", AWS " + s.awsEndpoint()));
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      Deployments deployments = new Deployments(conn);
      deployments.workerWarning("adopt").ifPresent(printer::note);
      AdoptRuns runs = new AdoptRuns(deployments, ctx.pollInterval());
      AdoptReport plan = runs.run(inputs.plan());
      if (plan.status() == AdoptStatus.REFUSED) {
        return AdoptReports.report(printer, plan, key, inputs.deployFlags());
      }
      if (AdoptReports.toTag(plan) == 0) {
        AdoptReport nothing = new AdoptReport(plan.deployment(), AdoptStatus.NOTHING_TO_DO, plan.resources(), plan.notes());
        return AdoptReports.report(printer, nothing, key, inputs.deployFlags());
      }
      AdoptReports.plan(printer.err(), plan);
      Confirmations.yesNo(ctx.prompter(), deployment.yes(), action,
          "Tag these " + AdoptReports.toTag(plan) + " resource(s) for " + key + "?");
      AdoptReport applied = runs.run(inputs.plan().applying(plan.resources()));
      return AdoptReports.report(printer, applied, key, inputs.deployFlags());
    }
  }
}
