package io.harnessdeployer.client.temporal;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Stands in for the destroy workflow (same id scheme) to test conflicts. */
@WorkflowInterface
public interface DestroyWorkflow {
  @WorkflowMethod
  void destroy(String deployment);

  class Forever implements DestroyWorkflow {
    @Override
    public void destroy(String deployment) {
      Workflow.await(() -> false);
    }
  }
}
