package io.harnessdeployer.workflows.drift;

import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployWorkflowImpl;
import io.harnessdeployer.workflows.plan.PlanWorkflow;
import io.harnessdeployer.workflows.plan.PlanWorkflowImpl;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Map;

/**
 * A time-skipping test server whose worker serves the drift, plan and deploy workflows on the real
 * task queue ({@link TaskQueues#DEPLOY}: a heal's child deploy is started there), with our search
 * attributes.
 */
final class DriftRig implements AutoCloseable {
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final WorkflowClient client = env.getWorkflowClient();

  DriftRig(Object... activities) {
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    // a loaded 2-core machine may take over 1 s to load classes in the first workflow task
    Worker worker = env.newWorker(TaskQueues.DEPLOY,
        WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build());
    worker.registerWorkflowImplementationTypes(
        // a bug in workflow code fails the test instead of retrying the workflow task forever
        WorkflowImplementationOptions.newBuilder()
            .setFailWorkflowExceptionTypes(NullPointerException.class, IllegalStateException.class,
                IllegalArgumentException.class, ClassCastException.class)
            .build(),
        DriftCheckWorkflowImpl.class, PlanWorkflowImpl.class, DeployWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  /** A deploy request as the client sends it; {@code credentials} may be null for a check without heal. */
  static DeployRequest.Builder request(Sealed credentials) {
    return DeployRequest.builder("dev", "us-east-1", credentials)
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false"));
  }

  DriftCheckWorkflow drift(String workflowId) {
    return client.newWorkflowStub(DriftCheckWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(workflowId).build());
  }

  DriftReport checkOnce(DeployRequest req, boolean heal) {
    return drift(DriftIds.checkId(req.key())).check(DriftRequest.once(req, heal));
  }

  PlanWorkflow plan(DeployRequest req) {
    return client.newWorkflowStub(PlanWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(PlanWorkflow.workflowId(req.key())).build());
  }

  @Override
  public void close() {
    env.close();
  }
}
