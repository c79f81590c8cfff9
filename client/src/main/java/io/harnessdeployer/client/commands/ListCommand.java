package io.harnessdeployer.client.commands;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.EnvFiles;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.live.LiveLookup;
import io.harnessdeployer.client.live.TaggedDeployments;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.DeploymentList;
import io.harnessdeployer.client.temporal.DeploymentList.Listed;
import io.harnessdeployer.client.temporal.TemporalConnection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Every deployment, from Temporal's visibility, else from our ownership tags in AWS. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List deployments with their status, topology, region and last operation (--region: only that one).")
public final class ListCommand implements Callable<Integer> {
  public static final String FROM_VISIBILITY = "source: Temporal visibility (search attributes)";
  public static final String FROM_TAGS = "source: AWS ownership tags (this Temporal server has no visibility queries);"
      + " status and last operation from each deployment's last run";

  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;

  public record Deployments(String source, List<Listed> deployments) {}

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    ConfigResolver config = new ConfigResolver(ctx.env(), EnvFiles.load(ctx.cwd(), null), ctx.prompter());
    String filter = aws.region() == null ? null : InputChecks.region(new Setting(aws.region().trim(), "--region"));
    String signing = InputChecks.region(config.region(aws.region()));
    config.find(ConfigKeys.AWS_PROFILE, aws.profile(), "--profile").ifPresent(InputChecks::profile); // before any call
    Target target = Target.resolve(ctx, temporal, aws);
    Deployments result;
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      DeploymentList list = new DeploymentList(conn);
      Optional<List<Listed>> visible = list.fromVisibility(filter);
      if (visible.isPresent()) {
        result = new Deployments(FROM_VISIBILITY, visible.get());
      } else {
        String profile = LiveLookup.profile(ctx, null, aws.profile());
        try (AwsClients clients = LiveLookup.clients(target, signing, profile)) {
          result = new Deployments(FROM_TAGS, list.describe(TaggedDeployments.find(clients, filter)));
        }
      }
    }
    printer.result(result, out -> {
      out.printf("%-40s %-14s %-10s %-16s %s%n", "DEPLOYMENT", "STATUS", "TOPOLOGY", "REGION", "LAST OPERATION");
      for (Listed l : result.deployments()) {
        out.printf("%-40s %-14s %-10s %-16s %s%n", l.deployment(), l.status(), dash(l.topology()), dash(l.region()),
            l.lastOperation() == null ? "-" : l.lastOperation() + " " + l.lastStartedAt());
      }
      out.println("(" + result.source() + ")");
    });
    return ExitCodes.OK;
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }
}
