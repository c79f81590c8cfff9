package io.harnessdeployer.workflows.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.StepOptions;
import io.harnessdeployer.workflows.steps.SecretSpec;
import io.harnessdeployer.workflows.steps.SecretsActivities;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** Recorded histories must keep replaying against the current workflow code. */
class DeployReplayTest {
  static final String HAPPY = "histories/deploy-ecs-happy.json";
  /** Recorded with versions rollout-of-own-service=1 and wait-for-canceled-calls=1. */
  static final String HAPPY_V1 = "deploy-ecs-happy-v1.json";
  /** The resource graph (resource-graph=1), parallel branches: a full deploy. */
  static final String GRAPH_HAPPY = "histories/deploy-ecs-graph-happy.json";
  /** The resource graph: the harness fails under ROLLBACK and every branch is undone. */
  static final String GRAPH_ROLLBACK = "histories/deploy-ecs-graph-rollback.json";
  /** The resource graph with credential-rotation=1: a rerun whose secret rotated rolls the service. */
  static final String GRAPH_ROTATION = "histories/deploy-ecs-graph-rotation.json";
  /** expected-account=1, fail-before-writes=1: another account, the deploy ends FAILED in preflight. */
  static final String GRAPH_ACCOUNT_MISMATCH = "histories/deploy-ecs-graph-account-mismatch.json";
  /** fail-before-writes=1 under PAUSE, before pause-on-denied-check: access denied in preflight ended the deploy. */
  static final String GRAPH_PREFLIGHT_DENIED = "histories/deploy-ecs-graph-preflight-denied.json";

  /** topology-preflight=1: the ecs preflight looks for the gateway topology's roles. */
  static final String GRAPH_TOPOLOGY_PREFLIGHT = "histories/deploy-ecs-graph-topology-preflight.json";
  /** The gateway topology's graph: a full deploy. */
  static final String GATEWAY_HAPPY = "histories/deploy-gateway-graph-happy.json";

  @Test
  void happyPathHistory_replays() throws Exception {
    replay(DeployWorkflowImpl.class);
  }

  @Test
  void happyPathHistoryOfVersion1_replays() throws Exception {
    replay(DeployWorkflowImpl.class, "histories/" + HAPPY_V1);
  }

  @Test
  void resourceGraphHistories_replay() throws Exception {
    replay(DeployWorkflowImpl.class, GRAPH_HAPPY);
    replay(DeployWorkflowImpl.class, GRAPH_ROLLBACK);
    replay(DeployWorkflowImpl.class, GRAPH_ROTATION);
    replay(DeployWorkflowImpl.class, GRAPH_ACCOUNT_MISMATCH);
    replay(DeployWorkflowImpl.class, GRAPH_PREFLIGHT_DENIED);
    replay(DeployWorkflowImpl.class, GRAPH_TOPOLOGY_PREFLIGHT);
    replay(DeployWorkflowImpl.class, GATEWAY_HAPPY);
  }

  @Test
  void sequentialWorkflow_replaysTheHistoriesOfBeforeTheGraph() throws Exception {
    replay(SequentialDeployWorkflowImpl.class, HAPPY);
    replay(SequentialDeployWorkflowImpl.class, "histories/" + HAPPY_V1);
  }

  @Test
  void aGraphChangeWithoutAVersion_isCaughtAsNonDeterministic() {
    Exception e = assertThrows(Exception.class, () -> replay(SecretFirstDeploy.class, GRAPH_HAPPY));
    assertTrue(e.getMessage().contains("NonDeterministicException"), e.getMessage());
  }

  @Test
  void reorderedSteps_areCaughtAsNonDeterministic() {
    Exception e = assertThrows(Exception.class, () -> replay(SecretFirstDeploy.class));
    assertTrue(e.getMessage().contains("NonDeterministicException")
        && e.getMessage().contains("does not match command type COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK"), e.getMessage());
  }

  private static void replay(Class<?> impl) throws Exception {
    replay(impl, HAPPY);
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

  /** A "refactoring" that moves the secret before preflight without {@code Workflow.getVersion}. */
  public static class SecretFirstDeploy extends DeployWorkflowImpl {
    @Override
    public DeploySummary deploy(DeployRequest request) {
      Workflow.newActivityStub(SecretsActivities.class, StepOptions.awsCall("secret first"))
          .ensureSecret(new SecretSpec(null, request.secretMode(), request.names().secret(), request.credentials()));
      return super.deploy(request);
    }
  }
}
