package io.harnessdeployer.client.config;

import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.options.GatewayNameFlags;
import io.harnessdeployer.client.options.ResourceNameFlags;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.GatewayNames;
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
  public static Resolved resolve(ConfigResolver config, ResourceNameFlags f, GatewayNameFlags g, String deploymentFlag,
      String region) {
    if (deploymentFlag == null) {
      ResourceNames names = resolve(config, f, ResourceNames.defaults());
      return new Resolved(InputChecks.deploymentName(new Setting(names.harness(), "the harness name")),
          names.withGateway(resolve(config, g, names.gateway())));
    }
    String deployment = InputChecks.deploymentName(new Setting(deploymentFlag.trim(), "--name"));
    ResourceNames names = resolve(config, f, ResourceNames.forDeployment(new DeploymentKey(region, deployment)));
    return new Resolved(deployment, names.withGateway(resolve(config, g, names.gateway())));
  }

  /** Each gateway name: its flag, environment or {@code .env} setting, else {@code base}'s. */
  public static GatewayNames resolve(ConfigResolver config, GatewayNameFlags g, GatewayNames base) {
    return new GatewayNames(
        InputChecks.runtimeName(config.get(ConfigKeys.RUNTIME_NAME, g.runtimeName(), "--runtime-name", base.runtime())),
        InputChecks.roleName(config.get(ConfigKeys.RUNTIME_EXECUTION_ROLE_NAME, g.runtimeRoleName(),
            "--runtime-execution-role-name", base.runtimeRole()), "runtime role name"),
        InputChecks.gatewayName(config.get(ConfigKeys.GATEWAY_NAME, g.gatewayName(), "--gateway-name", base.gateway()),
            "gateway name"),
        InputChecks.gatewayName(config.get(ConfigKeys.GATEWAY_TARGET_NAME, g.gatewayTargetName(), "--gateway-target-name",
            base.gatewayTarget()), "gateway target name"),
        InputChecks.roleName(config.get(ConfigKeys.GATEWAY_ROLE_NAME, g.gatewayRoleName(), "--gateway-role-name",
            base.gatewayRole()), "gateway role name"),
        InputChecks.providerName(config.get(ConfigKeys.OAUTH_PROVIDER_NAME, g.oauthProviderName(), "--oauth-provider-name",
            base.oauthProvider())),
        InputChecks.cognitoName(config.get(ConfigKeys.COGNITO_USER_POOL_NAME, g.userPoolName(), "--cognito-user-pool-name",
            base.userPool()), "user pool name"),
        InputChecks.resourceServer(config.get(ConfigKeys.COGNITO_RESOURCE_SERVER_IDENTIFIER,
            g.resourceServerIdentifier(), "--cognito-resource-server-identifier", base.resourceServer())),
        InputChecks.scopeName(config.get(ConfigKeys.COGNITO_SCOPE_NAME, g.scopeName(), "--cognito-scope-name",
            base.scopeName())),
        InputChecks.cognitoName(config.get(ConfigKeys.COGNITO_APP_CLIENT_NAME, g.appClientName(),
            "--cognito-app-client-name", base.appClient()), "app client name"),
        InputChecks.domainPrefix(config.get(ConfigKeys.COGNITO_DOMAIN_PREFIX, g.domainPrefix(), "--cognito-domain-prefix",
            base.domainPrefix())));
  }

  /** Each ecs-side name: its flag, environment or {@code .env} setting, else {@code base}'s; the gateway's are base's. */
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
            f.secretName() == null ? "default" : "--secret-name"), "secret name"), base.gateway());
  }
}
