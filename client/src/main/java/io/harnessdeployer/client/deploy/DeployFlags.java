package io.harnessdeployer.client.deploy;

import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.OnFailure;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The seed's {@code deploy} flags (spec §1.3) plus ours. No flag has a picocli default: an absent
 * flag falls through to the environment, {@code .env}, then the default named in its description.
 */
public final class DeployFlags {
  @Option(names = "--topology", paramLabel = "ecs|gateway",
      description = "Deployment shape (default: $TOPOLOGY, TOPOLOGY in .env, else ecs; gateway is not supported yet).")
  String topology;

  @Option(names = "--harness-name", paramLabel = "NAME",
      description = "Harness name (default: HARNESS_NAME, else " + Names.HARNESS_NAME + ").")
  String harnessName;

  @Option(names = "--role-name", paramLabel = "NAME",
      description = "Harness execution role (default: ROLE_NAME, else " + Names.HARNESS_ROLE + ").")
  String roleName;

  @Option(names = "--credential-provider-name", paramLabel = "NAME",
      description = "Token Vault API-key provider (default: CREDENTIAL_PROVIDER_NAME, else " + Names.API_KEY_PROVIDER + ").")
  String credentialProviderName;

  @Option(names = "--ecs-cluster-name", paramLabel = "NAME",
      description = "ECS cluster (default: ECS_CLUSTER_NAME, else " + Names.ECS_CLUSTER + ").")
  String ecsClusterName;

  @Option(names = "--ecs-service-name", paramLabel = "NAME",
      description = "ECS Express service (default: ECS_SERVICE_NAME, else " + Names.ECS_SERVICE + ").")
  String ecsServiceName;

  @Option(names = "--ecs-execution-role-name", paramLabel = "NAME",
      description = "ECS task execution role (default: ECS_EXECUTION_ROLE_NAME, else " + Names.ECS_TASK_EXECUTION_ROLE + ").")
  String ecsExecutionRoleName;

  @Option(names = "--ecs-infrastructure-role-name", paramLabel = "NAME",
      description = "ECS infrastructure role (default: ECS_INFRASTRUCTURE_ROLE_NAME, else " + Names.ECS_INFRASTRUCTURE_ROLE + ").")
  String ecsInfrastructureRoleName;

  @Option(names = "--ecs-log-group", paramLabel = "NAME",
      description = "Container log group (default: ECS_LOG_GROUP, else " + Names.ECS_LOG_GROUP + ").")
  String ecsLogGroup;

  @Option(names = "--mcp-url", paramLabel = "URL",
      description = "External MCP endpoint (https); skips ECS (default: MCP_URL, else ask, else run it on ECS).")
  String mcpUrl;

  @Option(names = "--model-id", paramLabel = "ID",
      description = "Bedrock model or inference profile (default: MODEL_ID, else ask, else " + Names.DEFAULT_MODEL_ID + ").")
  String modelId;

  @Option(names = "--client-id", paramLabel = "ID",
      description = "Zscaler OneAPI client id (default: ZSCALER_CLIENT_ID, else ask on a terminal).")
  String clientId;

  @Option(names = "--client-secret", paramLabel = "SECRET",
      description = "Zscaler OneAPI client secret (default: ZSCALER_CLIENT_SECRET, else ask without echo)."
          + " Prefer the environment or .env: flags show in process listings.")
  String clientSecret;

  @Option(names = "--customer-id", paramLabel = "ID",
      description = "Zscaler customer id, needed for ECS (default: ZSCALER_CUSTOMER_ID, else ask).")
  String customerId;

  @Option(names = "--vanity-domain", paramLabel = "DOMAIN",
      description = "Zscaler vanity domain, needed for ECS (default: ZSCALER_VANITY_DOMAIN, else ask).")
  String vanityDomain;

  @Option(names = "--secret-name", paramLabel = "NAME",
      description = "Name of the Secrets Manager secret we manage (default: " + Names.SECRET_NAME + ")."
          + " ZSCALER_SECRET_NAME instead points at a secret of yours, which is never written or deleted.")
  String secretName;

  @Option(names = "--no-secrets-manager",
      description = "Pass the credentials to the container as plaintext env vars (visible in the task definition).")
  boolean noSecretsManager;

  @Option(names = "--on-failure", paramLabel = "pause|rollback",
      description = "When a step fails for good: pause for an operator (default) or roll back at once.")
  OnFailure onFailure;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Deadline of each wait on the ECS service, e.g. 20m, 1h30m (default: 20m).")
  Duration timeout;
}
