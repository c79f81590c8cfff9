package io.harnessdeployer.workflows.common;

import java.util.regex.Pattern;

/**
 * Identifies one deployment: region + deployment name. Deploy and destroy derive the SAME workflow
 * id from it, so two operations on one deployment can never run at once; resources carry it in the
 * {@link Names#TAG_DEPLOYMENT} tag.
 */
public record DeploymentKey(String region, String name) {
  private static final Pattern REGION = Pattern.compile(Names.REGION_PATTERN);
  private static final Pattern NAME = Pattern.compile(Names.DEPLOYMENT_NAME_PATTERN);

  public DeploymentKey {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not an AWS region: " + region);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "deployment name must match " + Names.DEPLOYMENT_NAME_PATTERN + ": " + name);
    }
  }

  /** The workflow id every operation on this deployment uses. */
  public String workflowId() {
    return "harness-deployer/" + region + "/" + name;
  }

  /** The value of the {@link Names#TAG_DEPLOYMENT} tag. */
  public String tagValue() {
    return region + "/" + name;
  }

  @Override
  public String toString() {
    return tagValue();
  }
}
