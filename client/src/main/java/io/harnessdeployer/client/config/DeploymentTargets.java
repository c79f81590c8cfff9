package io.harnessdeployer.client.config;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;

/**
 * Which deployment a command acts on: {@code --name}, else the harness name ({@code HARNESS_NAME}
 * from the environment or {@code .env}, else the default), in the region resolved like {@code
 * deploy}'s. So the same {@code .env} finds the deployment {@code deploy} created.
 */
public final class DeploymentTargets {
  private DeploymentTargets() {}

  public static DeploymentKey resolve(CliContext ctx, DeploymentOptions deployment, AwsOptions aws) {
    ConfigResolver config = new ConfigResolver(ctx.env(), EnvFiles.load(ctx.cwd(), deployment.envFile()), ctx.prompter());
    String region = InputChecks.region(config.region(aws.region()));
    config.find(ConfigKeys.AWS_PROFILE, aws.profile(), "--profile").ifPresent(InputChecks::profile);
    Setting name = deployment.name() != null
        ? new Setting(deployment.name().trim(), "--name")
        : new Setting(InputChecks.harnessName(config.get(ConfigKeys.HARNESS_NAME, null, null, Names.HARNESS_NAME)),
            "the harness name"); // as deploy reads it: a harness name deploy refuses names no deployment
    return new DeploymentKey(region, InputChecks.deploymentName(name));
  }
}
