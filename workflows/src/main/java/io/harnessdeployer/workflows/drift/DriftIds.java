package io.harnessdeployer.workflows.drift;

import io.harnessdeployer.workflows.common.DeploymentKey;

/** Ids of a deployment's drift checks: never the deployment's own id, so they run beside a deploy. */
public final class DriftIds {
  private DriftIds() {}

  /** A check run now ({@code client drift}). */
  public static String checkId(DeploymentKey key) {
    return key.workflowId() + "/drift";
  }

  /** The deployment's Schedule, and the workflow id of the timer loop that stands in for it. */
  public static String scheduleId(DeploymentKey key) {
    return key.workflowId() + "/drift-schedule";
  }
}
