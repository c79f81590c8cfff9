package io.harnessdeployer.client.deploy;

import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.client.options.GatewayNameFlags;
import io.harnessdeployer.client.options.HarnessFlags;
import io.harnessdeployer.client.options.ResourceNameFlags;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.OnFailure;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The seed's {@code deploy} flags (spec §1.3) plus ours. No flag has a picocli default: an absent
 * flag falls through to the environment, {@code .env}, then the default named in its description.
 */
public final class DeployFlags {
  @Mixin ResourceNameFlags names = new ResourceNameFlags();
  @Mixin GatewayNameFlags gatewayNames = new GatewayNameFlags();
  @Mixin HarnessFlags harness = new HarnessFlags();

  @Option(names = "--topology", paramLabel = "ecs|gateway",
      description = "Deployment shape: ecs (ECS Express behind the harness) or gateway (AgentCore Runtime behind an"
          + " AgentCore Gateway, Cognito tokens); default: TOPOLOGY in .env, then $TOPOLOGY, else ask, else ecs.")
  String topology;

  @Option(names = "--mcp-url", paramLabel = "URL",
      description = "External MCP endpoint (https); skips ECS (default: MCP_URL, else ask, else run it on ECS)."
          + " Ignored by the gateway topology.")
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
      description = "Zscaler customer id, needed for ECS and gateway (default: ZSCALER_CUSTOMER_ID, else ask).")
  String customerId;

  @Option(names = "--vanity-domain", paramLabel = "DOMAIN",
      description = "Zscaler vanity domain, needed for ECS and gateway (default: ZSCALER_VANITY_DOMAIN, else ask).")
  String vanityDomain;

  @Option(names = "--no-secrets-manager",
      description = "Pass the credentials to the container as plaintext env vars (visible in the task definition"
          + " or the Runtime's configuration).")
  boolean noSecretsManager;

  @Option(names = "--on-failure", paramLabel = "pause|rollback",
      description = "When a step fails for good: pause for an operator (default) or roll back at once.")
  OnFailure onFailure;

  /** {@code --on-failure} as given; null when it was not. */
  public OnFailure onFailureGiven() {
    return onFailure;
  }

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.ServiceTimeout.class,
      description = "Deadline of each wait on the ECS service, e.g. 20m, 1h30m; 1m to 6h (default: 20m).")
  Duration timeout;
}
