package io.harnessdeployer.client.options;

import io.harnessdeployer.workflows.common.Names;
import picocli.CommandLine.Option;

/**
 * The names of a deployment's resources (spec §1.3), shared by {@code deploy} and {@code destroy}
 * so both resolve the same names from the same flags, environment and {@code .env}. No picocli
 * defaults: an absent flag falls through to the environment, the file, then the default named in
 * its description ({@code config.ResourceNamesResolver}). Those defaults are the default
 * deployment's (no {@code --name}); another {@code --name} derives its own (see the README).
 */
public final class ResourceNameFlags {
  private static final String DEFAULT = "the deployment's own; without --name ";
  @Option(names = "--harness-name", paramLabel = "NAME",
      description = "Harness name (default: HARNESS_NAME, else " + DEFAULT + Names.HARNESS_NAME + ").")
  String harnessName;

  @Option(names = "--role-name", paramLabel = "NAME",
      description = "Harness execution role (default: ROLE_NAME, else " + DEFAULT + Names.HARNESS_ROLE + ").")
  String roleName;

  @Option(names = "--credential-provider-name", paramLabel = "NAME",
      description = "Token Vault API-key provider (default: CREDENTIAL_PROVIDER_NAME, else " + DEFAULT + Names.API_KEY_PROVIDER + ").")
  String credentialProviderName;

  @Option(names = "--ecs-cluster-name", paramLabel = "NAME",
      description = "ECS cluster (default: ECS_CLUSTER_NAME, else " + DEFAULT + Names.ECS_CLUSTER + ").")
  String ecsClusterName;

  @Option(names = "--ecs-service-name", paramLabel = "NAME",
      description = "ECS Express service (default: ECS_SERVICE_NAME, else " + DEFAULT + Names.ECS_SERVICE + ").")
  String ecsServiceName;

  @Option(names = "--ecs-execution-role-name", paramLabel = "NAME",
      description = "ECS task execution role (default: ECS_EXECUTION_ROLE_NAME, else " + DEFAULT + Names.ECS_TASK_EXECUTION_ROLE + ").")
  String ecsExecutionRoleName;

  @Option(names = "--ecs-infrastructure-role-name", paramLabel = "NAME",
      description = "ECS infrastructure role (default: ECS_INFRASTRUCTURE_ROLE_NAME, else " + DEFAULT + Names.ECS_INFRASTRUCTURE_ROLE + ").")
  String ecsInfrastructureRoleName;

  @Option(names = "--ecs-log-group", paramLabel = "NAME",
      description = "Container log group (default: ECS_LOG_GROUP, else " + DEFAULT + Names.ECS_LOG_GROUP + ").")
  String ecsLogGroup;

  @Option(names = "--secret-name", paramLabel = "NAME",
      description = "Name of the Secrets Manager secret we manage (default: " + DEFAULT + Names.SECRET_NAME + ")."
          + " ZSCALER_SECRET_NAME instead points at a secret of yours, which is never written or deleted.")
  String secretName;

  public String harnessName() { return harnessName; }
  public String roleName() { return roleName; }
  public String credentialProviderName() { return credentialProviderName; }
  public String ecsClusterName() { return ecsClusterName; }
  public String ecsServiceName() { return ecsServiceName; }
  public String ecsExecutionRoleName() { return ecsExecutionRoleName; }
  public String ecsInfrastructureRoleName() { return ecsInfrastructureRoleName; }
  public String ecsLogGroup() { return ecsLogGroup; }
  public String secretName() { return secretName; }
}
