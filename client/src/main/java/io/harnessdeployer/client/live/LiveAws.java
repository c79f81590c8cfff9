package io.harnessdeployer.client.live;

/** What AWS says now about a deployment's harness, service, Runtime and Gateway; tests pass a stand-in. */
public interface LiveAws extends AutoCloseable {
  HarnessState harness(String region, String harnessId);

  ServiceState service(String region, String serviceArn);

  /** The gateway topology's Runtime; {@code runtimeId} null: not looked up. */
  RuntimeState runtime(String region, String runtimeId);

  /** The gateway topology's Gateway and, when {@code targetId} is known, its target. */
  GatewayState gateway(String region, String gatewayId, String targetId);

  /** What AWS holds of the deployment, by our ownership tag and its names ({@link FoundResources}). */
  java.util.List<FoundResources.Found> resources(io.harnessdeployer.workflows.common.DeploymentKey key,
      io.harnessdeployer.workflows.deploy.ResourceNames names);

  /** The 12-digit account of the credentials these clients sign with (STS GetCallerIdentity); throws when unresolvable. */
  String callerAccount(String region);

  /** Sets up the clients the ecs lookups use, ahead of them (status does it while Temporal answers). */
  default LiveAws warm(String region) {
    return this;
  }

  @Override
  void close();

  /** Opens clients for a target; see {@link LiveLookup#open}. */
  @FunctionalInterface
  interface Opener {
    LiveAws open(io.harnessdeployer.client.local.Target target, String region, String profile);
  }
}
