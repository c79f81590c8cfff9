package io.harnessdeployer.workflows.deploy;

/** Deployment shapes of spec §1.1; a deployment keeps the one it was first deployed with. */
public enum Topology {
  ECS,
  GATEWAY
}
