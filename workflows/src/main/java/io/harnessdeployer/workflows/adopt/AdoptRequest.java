package io.harnessdeployer.workflows.adopt;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import java.util.List;

/**
 * Which deployment takes over which resources of the original tool.
 *
 * @param names the original's resource names (its defaults, or read from its state file)
 * @param harnessId the harness id from the state file: the harness is found by it, else by name
 * @param byoSecretId the secret the original only read (its {@code ZSCALER_SECRET_NAME}): shown,
 *     never tagged
 * @param ecsHost false when the original pointed the harness at an external MCP server: no ECS
 *     resources, no managed secret
 * @param apply false: look only and return the plan; true: tag what the plan says
 * @param confirmed the plan the person confirmed (the findings of a plan run): apply tags nothing
 *     when what it finds now differs; null applies what it finds
 */
public record AdoptRequest(
    String deploymentName,
    String region,
    ResourceNames names,
    String harnessId,
    String byoSecretId,
    boolean ecsHost,
    boolean apply,
    List<AdoptFinding> confirmed) {

  public DeploymentKey key() {
    return new DeploymentKey(region, deploymentName);
  }

  /** A plan run: looks, writes nothing. */
  public static AdoptRequest plan(String deploymentName, String region, ResourceNames names, String harnessId,
      String byoSecretId, boolean ecsHost) {
    return new AdoptRequest(deploymentName, region, names, harnessId, byoSecretId, ecsHost, false, null);
  }

  /** The apply run of a confirmed plan. */
  public AdoptRequest applying(List<AdoptFinding> plan) {
    return new AdoptRequest(deploymentName, region, names, harnessId, byoSecretId, ecsHost, true,
        plan == null ? null : List.copyOf(plan));
  }
}
