package io.harnessdeployer.workflows.deploy;

/** Deployment shapes of spec §1.1. Only ECS is deployed so far; GATEWAY is rejected as input. */
public enum Topology {
  ECS,
  GATEWAY
}
