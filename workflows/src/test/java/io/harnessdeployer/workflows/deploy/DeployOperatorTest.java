package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.HealthResult;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's side: RETRY / ROLLBACK / ABANDON on a paused deploy, and cancellation. */
class DeployOperatorTest {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();

  private final FakeAws aws = new FakeAws();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    this.env = env;
    this.options = options;
    worker.registerActivitiesImplementations(aws.all());
  }

  private DeployWorkflow startPausedAt(String step) {
    env.start();
    client = env.getWorkflowClient();
    aws.failAt(step, 1);
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);
    awaitStatus(env, wf, DeployStatus.PAUSED);
    return wf;
  }

  @Test
  void retryByUpdate_runsTheFailedStepAgainAndFinishes() {
    DeployWorkflow wf = startPausedAt("cluster");

    assertEquals("RETRY accepted for step cluster", wf.decide(OperatorDecision.RETRY));
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);

    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertEquals(List.of("ensureCluster:zscaler-mcp", "ensureCluster:zscaler-mcp"),
        aws.callsStartingWith("ensureCluster"));
    StepState cluster = step(wf.progress(), "cluster");
    assertEquals(2, cluster.attempts());
    assertEquals(StepStatus.DONE, cluster.status());
    assertEquals(List.of(), aws.callsStartingWith("delete"));
    assertEquals(DeployStatus.SUCCEEDED, wf.progress().status());
  }

  @Test
  void retryBySignal_worksLikeTheUpdate() {
    DeployWorkflow wf = startPausedAt("harness");

    wf.operatorDecision(OperatorDecision.RETRY);
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);

    assertEquals("zscaler_mcp_harness-AbCdE12345", summary.harnessId());
    assertEquals(2, step(wf.progress(), "harness").attempts());
    assertEquals(List.of(), aws.callsStartingWith("delete"));
  }

  @Test
  void retryThatFailsAgain_pausesAgain() {
    DeployWorkflow wf = startPausedAt("health");
    aws.failAt("health", 1);

    wf.decide(OperatorDecision.RETRY);
    DeployProgress again = awaitProgress(env, wf, p -> p.status() == DeployStatus.PAUSED
        && step(p, "health").attempts() == 2, "second pause at health");
    assertEquals(StepStatus.PAUSED, step(again, "health").status());

    wf.decide(OperatorDecision.RETRY);
    WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);
    assertEquals(3, step(wf.progress(), "health").attempts());
  }

  @Test
  void abandon_endsLeavingEveryResource() {
    DeployWorkflow wf = startPausedAt("service-active");

    wf.decide(OperatorDecision.ABANDON);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertEquals(FailureTypes.ABANDONED, ((ApplicationFailure) e.getCause()).getType());
    assertEquals(List.of(), aws.callsStartingWith("delete"));
    assertEquals(DeployStatus.ABANDONED, wf.progress().status());
    assertEquals(StepStatus.FAILED, step(wf.progress(), "service-active").status());
  }

  @Test
  void decisions_areRejectedUnlessPaused() throws InterruptedException {
    CountDownLatch inHealth = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(i -> {
      inHealth.countDown();
      assertTrue(release.await(30, TimeUnit.SECONDS));
      return new HealthResult(((WaitSpec) i.getArgument(0)).id(), 200, 1);
    }).when(aws.health).awaitHealthy(any());
    env.start();
    client = env.getWorkflowClient();
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);
    while (!inHealth.await(10, TimeUnit.MILLISECONDS)) {
      env.sleep(java.time.Duration.ofSeconds(2)); // let the IAM propagation timers fire
    }

    WorkflowUpdateException rejected = assertThrows(WorkflowUpdateException.class,
        () -> wf.decide(OperatorDecision.ROLLBACK));
    assertTrue(rejected.getCause().getMessage().contains("deploy is RUNNING, not waiting for a decision"),
        rejected.getCause().getMessage());
    wf.operatorDecision(OperatorDecision.ROLLBACK); // a stray signal is ignored

    release.countDown();
    assertEquals(DeployStatus.SUCCEEDED, WorkflowStub.fromTyped(wf).getResult(DeploySummary.class).status());
    assertEquals(List.of(), aws.callsStartingWith("delete"));
  }

  @Test
  void cancelWhilePaused_rollsBackInADetachedScope() {
    DeployWorkflow wf = startPausedAt("log-group");

    WorkflowStub.fromTyped(wf).cancel();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertInstanceOf(CanceledFailure.class, e.getCause());
    // the siblings that ran beside the failed log group are undone too, dependents first
    EcsGraphOrder.assertUndidWhatItCreated(wf.progress(), aws.callsStartingWith("delete"), "log-group");
    assertTrue(aws.callsStartingWith("delete").contains("deleteLogGroup:/ecs/zscaler-mcp"),
        "the failed step's own undo runs: its create may have happened");
    assertEquals(DeployStatus.CANCELED, wf.progress().status());
  }

  @Test
  void cancelDuringAnActivity_waitsForItToEnd_thenRollsBackWhatItCreatedToo() throws InterruptedException {
    CountDownLatch inProvider = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(i -> {
      inProvider.countDown();
      assertTrue(release.await(30, TimeUnit.SECONDS));
      aws.calls.add("ensureApiKeyProvider:created");
      return new ResourceRef("zscaler-mcp-creds", "arn:aws:bedrock-agentcore:us-east-1:123456789012"
          + ":token-vault/default/apikeycredentialprovider/zscaler-mcp-creds", Outcome.CREATED);
    }).when(aws.agentCore).ensureApiKeyProvider(any());
    env.start();
    client = env.getWorkflowClient();
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);
    while (!inProvider.await(10, TimeUnit.MILLISECONDS)) {
      env.sleep(java.time.Duration.ofSeconds(2));
    }

    WorkflowStub.fromTyped(wf).cancel();
    awaitEvent(req.key().workflowId(), EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
    assertEquals(List.of(), aws.callsStartingWith("delete"), "no undo while the create is in flight");
    release.countDown();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertInstanceOf(CanceledFailure.class, e.getCause());
    List<String> calls = List.copyOf(aws.calls);
    assertTrue(calls.indexOf("ensureApiKeyProvider:created") < calls.indexOf("deleteApiKeyProvider:zscaler-mcp-creds"),
        calls.toString());
    assertTrue(aws.callsStartingWith("delete").contains("deleteApiKeyProvider:zscaler-mcp-creds"),
        "what the in-flight create made is undone");
    EcsGraphOrder.assertUndidWhatItCreated(wf.progress(), aws.callsStartingWith("delete"),
        "credential-provider");
    assertEquals(DeployStatus.CANCELED, wf.progress().status());
  }

  private void awaitEvent(String workflowId, EventType type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (client.fetchHistory(workflowId).getEvents().stream().noneMatch(e -> e.getEventType() == type)) {
      assertTrue(System.nanoTime() < deadline, "no " + type + " in the history");
      Thread.sleep(10);
    }
  }
}
