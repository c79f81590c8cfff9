package io.harnessdeployer.client.config;

import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.options.ResourceNameFlags;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.ResourceNames;

/**
 * Resolves and checks every resource name: flag → environment → {@code .env} → default (the
 * managed secret's name: flag → default, since {@code ZSCALER_SECRET_NAME} names a secret of the
 * operator's). Deploy and destroy both use it, so destroy finds what deploy named.
 */
public final class ResourceNamesResolver {
  private ResourceNamesResolver() {}

  public static ResourceNames resolve(ConfigResolver config, ResourceNameFlags f) {
    return new ResourceNames(
        InputChecks.harnessName(config.get(ConfigKeys.HARNESS_NAME, f.harnessName(), "--harness-name", Names.HARNESS_NAME)),
        InputChecks.roleName(config.get(ConfigKeys.ROLE_NAME, f.roleName(), "--role-name", Names.HARNESS_ROLE),
            "harness role name"),
        InputChecks.providerName(config.get(ConfigKeys.CREDENTIAL_PROVIDER_NAME, f.credentialProviderName(),
            "--credential-provider-name", Names.API_KEY_PROVIDER)),
        InputChecks.ecsName(config.get(ConfigKeys.ECS_CLUSTER_NAME, f.ecsClusterName(), "--ecs-cluster-name",
            Names.ECS_CLUSTER), "ECS cluster name"),
        InputChecks.ecsName(config.get(ConfigKeys.ECS_SERVICE_NAME, f.ecsServiceName(), "--ecs-service-name",
            Names.ECS_SERVICE), "ECS service name"),
        InputChecks.roleName(config.get(ConfigKeys.ECS_EXECUTION_ROLE_NAME, f.ecsExecutionRoleName(),
            "--ecs-execution-role-name", Names.ECS_TASK_EXECUTION_ROLE), "ECS task execution role name"),
        InputChecks.roleName(config.get(ConfigKeys.ECS_INFRASTRUCTURE_ROLE_NAME, f.ecsInfrastructureRoleName(),
            "--ecs-infrastructure-role-name", Names.ECS_INFRASTRUCTURE_ROLE), "ECS infrastructure role name"),
        InputChecks.logGroup(config.get(ConfigKeys.ECS_LOG_GROUP, f.ecsLogGroup(), "--ecs-log-group", Names.ECS_LOG_GROUP)),
        InputChecks.secretName(new Setting(f.secretName() == null ? Names.SECRET_NAME : f.secretName().trim(),
            f.secretName() == null ? "default" : "--secret-name"), "secret name"));
  }
}
