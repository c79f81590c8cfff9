package io.harnessdeployer.workflows.destroy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.StepOptions;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.SecretDelete;
import io.harnessdeployer.workflows.steps.SecretsActivities;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** Recorded destroy histories must keep replaying against the current workflow code. */
class DestroyReplayTest {
  /** Full destroy after a deploy: secret kept, cluster draining twice, one role failing. */
  static final String AFTER_DEPLOY = "histories/destroy-ecs-after-deploy.json";
  /** The same on the resource graph (resource-graph=1): parallel deletes. */
  static final String GRAPH_AFTER_DEPLOY = "histories/destroy-ecs-graph-after-deploy.json";

  @Test
  void destroyAfterDeployHistory_replays() throws Exception {
    replay(DestroyWorkflowImpl.class);
  }

  @Test
  void resourceGraphHistory_replays() throws Exception {
    replay(DestroyWorkflowImpl.class, GRAPH_AFTER_DEPLOY);
    replay(SequentialDestroyWorkflowImpl.class, AFTER_DEPLOY);
  }

  @Test
  void secretDeletedFirst_isCaughtAsNonDeterministic() {
    Exception e = assertThrows(Exception.class, () -> replay(SecretFirstDestroy.class));
    assertTrue(e.getMessage().contains("NonDeterministicException"), e.getMessage());
  }

  private static void replay(Class<?> impl) throws Exception {
    replay(impl, AFTER_DEPLOY);
  }

  private static void replay(Class<?> impl, String history) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // cold class loading on a busy machine can exceed the 1 s deadlock detector
      Worker worker = env.newWorker("replay",
          WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build());
      worker.registerWorkflowImplementationTypes(impl);
      WorkflowReplayer.replayWorkflowExecutionFromResource(history, worker);
    }
  }

  /** A "refactoring" that deletes the secret before the harness without {@code Workflow.getVersion}. */
  public static class SecretFirstDestroy extends DestroyWorkflowImpl {
    @Override
    public DestroyReport destroy(DestroyRequest request) {
      Workflow.newActivityStub(SecretsActivities.class, StepOptions.compensation("secret first"))
          .deleteSecret(new SecretDelete(null, DeleteMode.DEPLOYMENT, request.names().secret(), false));
      return super.destroy(request);
    }
  }
}
