package io.harnessdeployer.client.config;

import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.options.ResourceNameFlags;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;

/**
 * Resolves and checks the deployment name and every resource name: flag → environment → {@code
 * .env} → default (the managed secret's name: flag → default, since {@code ZSCALER_SECRET_NAME}
 * names a secret of the operator's). The defaults are the deployment's own ({@link
 * ResourceNames#forDeployment}): the spec's without {@code --name} or for the default deployment,
 * else derived from the deployment name and region. Deploy and destroy both use it, so destroy
 * finds what deploy named.
 */
public final class ResourceNamesResolver {
  private ResourceNamesResolver() {}

  /** The deployment name and the names of its resources. */
  public record Resolved(String deployment, ResourceNames names) {}

  /**
   * @param deploymentFlag {@code --name}, null when not given: the deployment is then named after
   *     the harness, whose resources keep the spec's names
   * @param region already checked
   */
  public static Resolved resolve(ConfigResolver config, ResourceNameFlags f, String deploymentFlag, String region) {
    if (deploymentFlag == null) {
      ResourceNames names = resolve(config, f, ResourceNames.defaults());
      return new Resolved(InputChecks.deploymentName(new Setting(names.harness(), "the harness name")), names);
    }
    String deployment = InputChecks.deploymentName(new Setting(deploymentFlag.trim(), "--name"));
    return new Resolved(deployment,
        resolve(config, f, ResourceNames.forDeployment(new DeploymentKey(region, deployment))));
  }

  /** Each name: its flag, environment or {@code .env} setting, else {@code base}'s. */
  public static ResourceNames resolve(ConfigResolver config, ResourceNameFlags f, ResourceNames base) {
    return new ResourceNames(
        InputChecks.harnessName(config.get(ConfigKeys.HARNESS_NAME, f.harnessName(), "--harness-name", base.harness())),
        InputChecks.roleName(config.get(ConfigKeys.ROLE_NAME, f.roleName(), "--role-name", base.harnessRole()),
            "harness role name"),
        InputChecks.providerName(config.get(ConfigKeys.CREDENTIAL_PROVIDER_NAME, f.credentialProviderName(),
            "--credential-provider-name", base.apiKeyProvider())),
        InputChecks.ecsName(config.get(ConfigKeys.ECS_CLUSTER_NAME, f.ecsClusterName(), "--ecs-cluster-name",
            base.cluster()), "ECS cluster name"),
        InputChecks.ecsName(config.get(ConfigKeys.ECS_SERVICE_NAME, f.ecsServiceName(), "--ecs-service-name",
            base.service()), "ECS service name"),
        InputChecks.roleName(config.get(ConfigKeys.ECS_EXECUTION_ROLE_NAME, f.ecsExecutionRoleName(),
            "--ecs-execution-role-name", base.taskExecutionRole()), "ECS task execution role name"),
        InputChecks.roleName(config.get(ConfigKeys.ECS_INFRASTRUCTURE_ROLE_NAME, f.ecsInfrastructureRoleName(),
            "--ecs-infrastructure-role-name", base.infrastructureRole()), "ECS infrastructure role name"),
        InputChecks.logGroup(config.get(ConfigKeys.ECS_LOG_GROUP, f.ecsLogGroup(), "--ecs-log-group", base.logGroup())),
        InputChecks.secretName(new Setting(f.secretName() == null ? base.secret() : f.secretName().trim(),
            f.secretName() == null ? "default" : "--secret-name"), "secret name"),
        base.gateway()); // the gateway topology's flags are not read here yet: the deployment's own defaults
  }
}
