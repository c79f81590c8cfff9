package io.harnessdeployer.workflows.drift;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import java.time.Duration;

/**
 * One drift check of a deployment, or (with {@code every}) a timer loop of them, for servers
 * without Schedules.
 *
 * @param deploy the deployment's settings, as deploy takes them: the graph's desired state is built
 *     from these. Its sealed credentials are only needed to heal; without heal they may be null
 * @param heal when drift is found, run the deploy saga (a child {@code DeployWorkflow} on the
 *     deployment's own workflow id) and check again
 * @param every null for one check; else check, wait this long, continue as new, until {@link
 *     DriftCheckWorkflow#unschedule}
 */
public record DriftRequest(DeployRequest deploy, boolean heal, Duration every) {
  public static DriftRequest once(DeployRequest deploy, boolean heal) {
    return new DriftRequest(deploy, heal, null);
  }

  public boolean looping() {
    return every != null;
  }
}
