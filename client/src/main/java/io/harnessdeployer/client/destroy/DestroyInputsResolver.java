package io.harnessdeployer.client.destroy;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.ResourceNamesResolver;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyRequest;

/**
 * Builds the destroy request from the same settings the deploy read (flags, environment, {@code
 * .env}): the deployment key, every resource name, the operator's own secret ({@code
 * ZSCALER_SECRET_NAME}) and MCP server ({@code MCP_URL}), which are reported and never touched.
 * Needs no credentials and asks nothing.
 */
public final class DestroyInputsResolver {
  private final ConfigResolver config;

  public DestroyInputsResolver(ConfigResolver config) {
    this.config = config;
  }

  /** Else {@code destroy} takes the topology the deployment's last operation ran with. */
  public boolean topologyGiven(DestroyFlags f) {
    return config.topology(f.topology).isPresent();
  }

  public DestroyRequest resolve(DestroyFlags f, AwsOptions aws, String deploymentFlag) {
    if (f.keepSecret && f.forceSecretDelete) {
      throw CliException.badInput("--keep-secret and --force-secret-delete contradict each other: choose one");
    }
    // checked although destroy makes no AWS call of its own: the same settings must pass the same checks
    config.find(ConfigKeys.AWS_PROFILE, aws.profile(), "--profile").ifPresent(InputChecks::profile);
    String region = InputChecks.region(config.region(aws.region()));
    ResourceNamesResolver.Resolved resolved = ResourceNamesResolver.resolve(config, f.names, f.gatewayNames,
        deploymentFlag, region);
    ResourceNames names = resolved.names();
    String deployment = resolved.deployment();
    Topology topology = config.topology(f.topology).map(InputChecks::topology).orElse(Topology.ECS);
    if (f.keepCognito && topologyGiven(f) && topology != Topology.GATEWAY) {
      throw CliException.badInput("--keep-cognito keeps the gateway topology's Cognito pool: the ecs topology has none"
          + " (pass --topology gateway, or drop it)");
    }
    return DestroyRequest.builder(deployment, region)
        .topology(topology)
        .names(names)
        .byoSecretId(config.find(ConfigKeys.SECRET_NAME).map(InputChecks::byoSecret).orElse(null))
        .externalMcpUrl(config.find(ConfigKeys.MCP_URL).map(s -> {
          InputChecks.mcpUrl(s); // checked as deploy checks it; passed as written
          return s.value();
        }).orElse(null))
        .keepRole(f.keepRole)
        .keepEcs(f.keepEcs)
        .keepSecret(f.keepSecret)
        .forceSecretDelete(f.forceSecretDelete)
        .keepCognito(f.keepCognito)
        .assumeRole(aws.assumeRole(config))
        .build();
  }
}
