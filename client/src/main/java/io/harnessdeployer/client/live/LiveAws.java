package io.harnessdeployer.client.live;

/** What AWS says now about a deployment's harness and service; tests pass a stand-in. */
public interface LiveAws extends AutoCloseable {
  HarnessState harness(String region, String harnessId);

  ServiceState service(String region, String serviceArn);

  @Override
  void close();

  /** Opens clients for a target; see {@link LiveLookup#open}. */
  @FunctionalInterface
  interface Opener {
    LiveAws open(io.harnessdeployer.client.local.Target target, String region, String profile);
  }
}
