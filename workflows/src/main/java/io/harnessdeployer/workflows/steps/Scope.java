package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is calling: the deployment (its region is the region of every AWS call) and the workflow run.
 * Every input carries it, so activities tag what they create with {@link #tags()} and judge
 * ownership before deleting.
 *
 * @param runId Temporal run id of the calling workflow; for deploys it is the run tag's value
 * @param role the role the worker assumes for every AWS call of this deployment; null: the
 *     worker's own identity
 */
public record Scope(DeploymentKey deployment, String runId, AssumedRole role) {
  public Scope(DeploymentKey deployment, String runId) {
    this(deployment, runId, null);
  }

  public String region() {
    return deployment.region();
  }

  /** The tags for a resource this run creates: standard tags + deployment + run. */
  public Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(Names.TAG_MANAGED_BY, Names.TAG_MANAGED_BY_VALUE);
    tags.put(Names.TAG_INTEGRATION, Names.TAG_INTEGRATION_VALUE);
    tags.put(Names.TAG_DEPLOYMENT, deployment.tagValue());
    tags.put(Names.TAG_RUN, runId);
    return tags;
  }

  /** The tags for a gateway-topology resource: {@link #tags()} + {@code topology=gateway} (spec §3 "std+gw"). */
  public Map<String, String> gatewayTags() {
    Map<String, String> tags = tags();
    tags.put(Names.TAG_TOPOLOGY, Names.TAG_TOPOLOGY_VALUE);
    return tags;
  }

  /** Whether a resource's tags say this deployment created it. */
  public boolean ownsDeployment(Map<String, String> resourceTags) {
    return deployment.tagValue().equals(resourceTags.get(Names.TAG_DEPLOYMENT));
  }

  /** Whether a resource's tags say this very run created it. */
  public boolean ownsRun(Map<String, String> resourceTags) {
    return ownsDeployment(resourceTags) && runId.equals(resourceTags.get(Names.TAG_RUN));
  }
}
