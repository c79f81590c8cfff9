package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.common.Names;

/** @param poolId e.g. {@code us-east-1_AbC123}: the issuer's last path part */
public record UserPoolRef(String poolId, String poolArn, String poolName, Outcome outcome) {
  public String discoveryUrl(String region) {
    return Names.cognitoDiscoveryUrl(region, poolId);
  }
}
