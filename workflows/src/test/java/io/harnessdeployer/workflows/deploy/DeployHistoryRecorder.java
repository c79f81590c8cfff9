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
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DeployRequest req = request().build();
    stub(client, options, req).deploy(req);
    write(client, req, DeployReplayTest.GRAPH_HAPPY);
  }

  /** The resource graph: the harness fails, the rollback undoes every branch. */
  @Test
  void recordRollback(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    FakeAws aws = new FakeAws();
    aws.hostMergeOutcome = io.harnessdeployer.workflows.steps.Outcome.CREATED;
    aws.failAt("harness", 1);
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    org.junit.jupiter.api.Assertions.assertThrows(io.temporal.client.WorkflowFailedException.class,
        () -> stub(client, options, req).deploy(req));
    write(client, req, DeployReplayTest.GRAPH_ROLLBACK);
  }

  /** credential-rotation=1: a rerun whose secret rotated rolls the unchanged service. */
  @Test
  void recordRotation(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    FakeAws aws = new FakeAws();
    aws.outcome = io.harnessdeployer.workflows.steps.Outcome.ADOPTED;
    aws.hostMergeOutcome = io.harnessdeployer.workflows.steps.Outcome.ADOPTED;
    aws.rotatedKeys = java.util.List.of("ZSCALER_CLIENT_SECRET");
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DeployRequest req = request().build();
    stub(client, options, req).deploy(req);
    write(client, req, DeployReplayTest.GRAPH_ROTATION);
  }

  /** expected-account=1 and fail-before-writes=1: the worker is in another account, preflight ends the deploy. */
  @Test
  void recordAccountMismatch(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    worker.registerActivitiesImplementations(new FakeAws().all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DeployRequest req = request().expectedAccount("210987654321").build();
    org.junit.jupiter.api.Assertions.assertThrows(io.temporal.client.WorkflowFailedException.class,
        () -> stub(client, options, req).deploy(req));
    write(client, req, DeployReplayTest.GRAPH_ACCOUNT_MISMATCH);
  }

  /** fail-before-writes=1, before pause-on-denied-check: access denied in preflight ends a paused-mode deploy. */
  @Test
  void recordPreflightDeniedUnderPause(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options)
      throws Exception {
    FakeAws aws = new FakeAws();
    aws.failAt("preflight", 1);
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DeployRequest req = request().onFailure(OnFailure.PAUSE).build();
    org.junit.jupiter.api.Assertions.assertThrows(io.temporal.client.WorkflowFailedException.class,
        () -> stub(client, options, req).deploy(req));
    write(client, req, DeployReplayTest.GRAPH_PREFLIGHT_DENIED);
  }

  /** topology-preflight=1: the ecs deploy first looks for the gateway topology's roles. */
  @Test
  void recordTopologyPreflight(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    FakeAws aws = new FakeAws();
    aws.hostMergeOutcome = io.harnessdeployer.workflows.steps.Outcome.CREATED;
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DeployRequest req = request().build();
    stub(client, options, req).deploy(req);
    write(client, req, DeployReplayTest.GRAPH_TOPOLOGY_PREFLIGHT);
  }

  /** The gateway topology's graph: a full deploy. */
  @Test
  void recordGatewayHappyPath(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) throws Exception {
    worker.registerActivitiesImplementations(new FakeAws().all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    DeployRequest req = request().topology(Topology.GATEWAY).build();
    stub(client, options, req).deploy(req);
    write(client, req, DeployReplayTest.GATEWAY_HAPPY);
  }

  private static void write(WorkflowClient client, DeployRequest req, String name) throws Exception {
    Path out = Path.of("src/test/resources/" + name);
    Files.writeString(out, client.fetchHistory(req.key().workflowId()).toJson(true));
  }
}
