package io.harnessdeployer.workflows.plan;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Previews a deploy and writes nothing: the drift check's describe and compare, read as create,
 * update, adopt or no-op. Start it with id {@link #workflowId}; it never blocks a deploy.
 */
@WorkflowInterface
public interface PlanWorkflow {
  @WorkflowMethod
  PlanReport plan(DeployRequest request);

  static String workflowId(io.harnessdeployer.workflows.common.DeploymentKey key) {
    return key.workflowId() + "/plan";
  }
}
