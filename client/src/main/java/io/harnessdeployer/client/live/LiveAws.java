package io.harnessdeployer.client.live;

/** What AWS says now about a deployment's harness and service; tests pass a stand-in. */
public interface LiveAws extends AutoCloseable {
  HarnessState harness(String region, String harnessId);

  ServiceState service(String region, String serviceArn);

  /** The 12-digit account of the credentials these clients sign with (STS GetCallerIdentity); throws when unresolvable. */
  String callerAccount(String region);

  @Override
  void close();

  /** Opens clients for a target; see {@link LiveLookup#open}. */
  @FunctionalInterface
  interface Opener {
    LiveAws open(io.harnessdeployer.client.local.Target target, String region, String profile);
  }
}
