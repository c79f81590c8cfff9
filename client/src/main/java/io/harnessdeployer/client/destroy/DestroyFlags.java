package io.harnessdeployer.client.destroy;

import io.harnessdeployer.client.options.GatewayNameFlags;
import io.harnessdeployer.client.options.ResourceNameFlags;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The seed's {@code destroy} flags (spec §1.3), each keeping exactly what it names: unlike the
 * seed, {@code --keep-ecs} keeps neither the roles nor the secret (add {@code --keep-role}, {@code
 * --keep-secret}). The resource names are the deploy's, resolved the same way.
 */
public final class DestroyFlags {
  @Mixin ResourceNameFlags names = new ResourceNameFlags();
  @Mixin GatewayNameFlags gatewayNames = new GatewayNameFlags();

  @Option(names = "--topology", paramLabel = "ecs|gateway",
      description = "The topology the deployment was deployed with (default: TOPOLOGY in .env, then $TOPOLOGY, else"
          + " the one its last operation ran with, else ecs).")
  String topology;

  @Option(names = "--keep-role",
      description = "Keep every IAM role: harness execution, ECS task execution, ECS infrastructure; Runtime execution"
          + " and Gateway service (gateway topology).")
  boolean keepRole;

  @Option(names = "--keep-ecs",
      description = "Keep the ECS Express service, its task definitions, the log group and the cluster"
          + " (not the roles or the secret, unlike the original script).")
  boolean keepEcs;

  @Option(names = "--keep-secret", description = "Keep the Secrets Manager secret we manage.")
  boolean keepSecret;

  @Option(names = "--keep-cognito",
      description = "Gateway topology: keep the Cognito user pool, its domain, resource server and app client.")
  boolean keepCognito;

  public boolean keepCognito() {
    return keepCognito;
  }

  @Option(names = "--force-secret-delete",
      description = "Delete the managed secret at once, without the 7-day recovery window.")
  boolean forceSecretDelete;
}
