package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.LogGroupSpec;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One branch fails while another is in flight: the cluster's ensure fails while the log group's
 * create is held open. The deploy must let the log group finish, start nothing new, and only
 * then pause or roll back, undoing the log group too.
 */
class ParallelBranchesTest {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();

  private final FakeAws aws = new FakeAws();
  private final CountDownLatch inLogGroup = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    aws.failAt("cluster", 1);
    doAnswer(i -> {
      inLogGroup.countDown();
      assertTrue(release.await(30, TimeUnit.SECONDS));
      aws.calls.add("ensureLogGroup:created");
      LogGroupSpec s = i.getArgument(0);
      return new ResourceRef(s.logGroupName(), "arn:aws:logs:us-east-1:123456789012:log-group:" + s.logGroupName(),
          Outcome.CREATED);
    }).when(aws.logs).ensureLogGroup(any());
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    this.env = env;
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  @Test
  void underPause_theSiblingFinishes_thenThePauseHoldsIt_andRollbackUndoesIt() throws Exception {
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);
    DeployProgress failedWhileSiblingRuns = awaitSiblingInFlight(wf);
    assertEquals(DeployStatus.RUNNING, failedWhileSiblingRuns.status(), "no pause before the sibling ends");

    release.countDown();
    DeployProgress paused = awaitStatus(env, wf, DeployStatus.PAUSED);
    assertEquals(StepStatus.PAUSED, step(paused, "cluster").status());
    assertEquals(StepStatus.DONE, step(paused, "log-group").status());
    assertEquals(Outcome.CREATED, step(paused, "log-group").outcome());
    assertNothingAfterTheFailureStarted(paused);
    assertEquals(List.of(), aws.callsStartingWith("delete"), "nothing is undone while paused");

    wf.decide(OperatorDecision.ROLLBACK);
    assertThrows(WorkflowFailedException.class, () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));
    assertUndoneAfterItsCreate(wf.progress());
  }

  @Test
  void underRollback_theSiblingFinishes_thenEverythingCreatedIsUndone() throws Exception {
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);
    awaitSiblingInFlight(wf);
    assertEquals(List.of(), aws.callsStartingWith("delete"), "no undo while a create is in flight");

    release.countDown();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));
    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ROLLED_BACK, failure.getType());
    assertTrue(failure.getOriginalMessage().startsWith("rolled back after cluster failed"), failure.getOriginalMessage());
    DeployProgress progress = wf.progress();
    assertNothingAfterTheFailureStarted(progress);
    assertUndoneAfterItsCreate(progress);
  }

  /** The cluster has failed and the log group's create is still held open. */
  private DeployProgress awaitSiblingInFlight(DeployWorkflow wf) throws InterruptedException {
    assertTrue(inLogGroup.await(20, TimeUnit.SECONDS));
    DeployProgress p = awaitProgress(env, wf, x -> step(x, "cluster").status() == StepStatus.FAILED,
        "the cluster failed");
    assertEquals(StepStatus.RUNNING, step(p, "log-group").status());
    return p;
  }

  /** The service and everything after it need the cluster: none of them may have started. */
  private static void assertNothingAfterTheFailureStarted(DeployProgress p) {
    for (String id : List.of("service", "service-active", "allowed-hosts", "service-rollout", "health", "harness",
        "harness-ready")) {
      assertEquals(StepStatus.PENDING, step(p, id).status(), id);
    }
  }

  private void assertUndoneAfterItsCreate(DeployProgress progress) {
    assertEquals(DeployStatus.ROLLED_BACK, progress.status());
    assertEquals("DELETED", step(progress, "log-group").compensation());
    List<String> calls = List.copyOf(aws.calls);
    assertTrue(calls.indexOf("ensureLogGroup:created") < calls.indexOf("deleteLogGroup:/ecs/zscaler-mcp"), calls::toString);
    EcsGraphOrder.assertUndidWhatItCreated(progress, aws.callsStartingWith("delete"), "cluster");
  }
}
