package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.request;
import static io.harnessdeployer.workflows.deploy.DeployTestSupport.stub;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Re-records the checked-in histories the replay test replays. Run it only on purpose, for a new
 * history next to the old ones (never overwrite a history to make a replay pass):
 * {@code ./mvnw -o -q -B -pl workflows test -Dtest=DeployHistoryRecorder -DrecordHistories=true}.
 */
@EnabledIfSystemProperty(named = "recordHistories", matches = "true")
class DeployHistoryRecorder {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();

  /** The resource graph (resource-graph=1): a full deploy. */
  @Test
  void recordHappyPath(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    FakeAws aws = new FakeAws();
    aws.hostMergeOutcome = io.harnessdeployer.workflows.steps.Outcome.CREATED; // as the real activity answers
    recordSucceeded(env, worker, options, aws, request().build(), DeployReplayTest.GRAPH_HAPPY);
  }

  /** The resource graph: the harness fails, the rollback undoes every branch. */
  @Test
  void recordRollback(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    FakeAws aws = new FakeAws();
    aws.hostMergeOutcome = io.harnessdeployer.workflows.steps.Outcome.CREATED;
    aws.failAt("harness", 1);
    recordFailed(env, worker, options, aws, request().onFailure(OnFailure.ROLLBACK).build(),
        DeployReplayTest.GRAPH_ROLLBACK);
  }

  /** credential-rotation=1: a rerun whose secret rotated rolls the unchanged service. */
  @Test
  void recordRotation(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    FakeAws aws = new FakeAws();
    aws.outcome = io.harnessdeployer.workflows.steps.Outcome.ADOPTED;
    aws.hostMergeOutcome = io.harnessdeployer.workflows.steps.Outcome.ADOPTED;
    aws.rotatedKeys = java.util.List.of("ZSCALER_CLIENT_SECRET");
    recordSucceeded(env, worker, options, aws, request().build(), DeployReplayTest.GRAPH_ROTATION);
  }

  /** expected-account=1 and fail-before-writes=1: the worker is in another account, preflight ends the deploy. */
  @Test
  void recordAccountMismatch(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    recordFailed(env, worker, options, new FakeAws(), request().expectedAccount("210987654321").build(),
        DeployReplayTest.GRAPH_ACCOUNT_MISMATCH);
  }

  /** fail-before-writes=1, before pause-on-denied-check: access denied in preflight ends a paused-mode deploy. */
  @Test
  void recordPreflightDeniedUnderPause(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options)
      throws Exception {
    FakeAws aws = new FakeAws();
    aws.failAt("preflight", 1);
    recordFailed(env, worker, options, aws, request().onFailure(OnFailure.PAUSE).build(),
        DeployReplayTest.GRAPH_PREFLIGHT_DENIED);
  }

  /** topology-preflight=1: the ecs deploy first looks for the gateway topology's roles. */
  @Test
  void recordTopologyPreflight(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    FakeAws aws = new FakeAws();
    aws.hostMergeOutcome = io.harnessdeployer.workflows.steps.Outcome.CREATED;
    recordSucceeded(env, worker, options, aws, request().build(), DeployReplayTest.GRAPH_TOPOLOGY_PREFLIGHT);
  }

  /** The gateway topology's graph: a full deploy. */
  @Test
  void recordGatewayHappyPath(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    recordSucceeded(env, worker, options, new FakeAws(), request().topology(Topology.GATEWAY).build(),
        DeployReplayTest.GATEWAY_HAPPY);
  }

  /** Runs {@code req} on {@code aws}, which must succeed, and writes its history as {@code name}. */
  private static void recordSucceeded(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options, FakeAws aws,
      DeployRequest req, String name) throws Exception {
    WorkflowClient client = start(env, worker, aws);
    stub(client, options, req).deploy(req);
    write(client, req, name);
  }

  /** Runs {@code req} on {@code aws}, which must fail, and writes its history as {@code name}. */
  private static void recordFailed(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options, FakeAws aws,
      DeployRequest req, String name) throws Exception {
    WorkflowClient client = start(env, worker, aws);
    org.junit.jupiter.api.Assertions.assertThrows(io.temporal.client.WorkflowFailedException.class,
        () -> stub(client, options, req).deploy(req));
    write(client, req, name);
  }

  private static WorkflowClient start(TestWorkflowEnvironment env, Worker worker, FakeAws aws) {
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    return env.getWorkflowClient();
  }

  private static void write(WorkflowClient client, DeployRequest req, String name) throws Exception {
    Path out = Path.of("src/test/resources/" + name);
    Files.writeString(out, client.fetchHistory(req.key().workflowId()).toJson(true));
  }
}
