package io.harnessdeployer.worker.deploy;

import static io.harnessdeployer.worker.deploy.ExpectedResources.assertWithinBounds;
import static io.harnessdeployer.worker.deploy.ExpectedResources.heldAt;
import static io.harnessdeployer.worker.deploy.ExpectedResources.expectedResources;
import static io.harnessdeployer.worker.deploy.ExpectedResources.tombstonesAfterRollback;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The operator's side on the emulator: RETRY by Update and by Signal after a pause, and cancellation. */
class DeployOperatorOnEmulatorTest extends EmulatorDeployTest {
  @Test
  void retryByUpdate_afterTheFaultIsCleared_completesWithTheFullSet() {
    FAULTS.arm(StepFaultTable.firstCallOf("health")); // /health answers 503 until cleared
    DeployWorkflow wf = start(request().build());
    DeployProgress paused = awaitStatus(wf, DeployStatus.PAUSED);
    assertEquals("health", paused.currentStep());
    assertWithinBounds("health", heldAt(paused));
    assertLive(heldAt(paused));

    CONTROL.clearFaults();
    assertEquals("RETRY accepted for step health", wf.decide(OperatorDecision.RETRY));
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);

    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertEquals(2, step(wf.progress(), "health").attempts());
    assertLive(expectedResources());
    assertEquals(ExpectedResources.createCalls(), CONTROL.createCalls());
    List<Map<String, Object>> probes = CONTROL.requests("mcp", Names.HEALTH_CHECK_PATH);
    assertEquals(200, probes.get(probes.size() - 1).get("status"), "the retry's probe");
    assertTrue(probes.subList(0, probes.size() - 1).stream().allMatch(p -> Integer.valueOf(503).equals(p.get("status"))),
        "every probe before it met the fault");
  }

  @Test
  void retryBySignal_runsTheFailedStepAgain_andCreatesEachResourceOnce() {
    FAULTS.arm(StepFaultTable.firstCallOf("harness"));
    DeployWorkflow wf = start(request().build());
    DeployProgress paused = awaitStatus(wf, DeployStatus.PAUSED);
    assertWithinBounds("harness", heldAt(paused));
    assertLive(heldAt(paused));

    wf.operatorDecision(OperatorDecision.RETRY);
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);

    assertEquals("READY", summary.harnessStatus());
    assertEquals(2, step(wf.progress(), "harness").attempts());
    assertEquals(StepStatus.DONE, step(wf.progress(), "harness").status());
    assertTrue(summary.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED));
    assertLive(expectedResources());
    assertEquals(1, CONTROL.createCalls().get("bedrock-agentcore-control.CreateHarness " + Names.HARNESS_NAME));
    assertEquals(3, CONTROL.requests("bedrock-agentcore-control", "ListHarnesses").size(),
        "the preflight's ownership check's, then the harness step's: one refused, one answered");
  }

  @Test
  void abandon_leavesEveryResourceAsItIs() {
    FAULTS.arm(StepFaultTable.firstCallOf("harness"));
    DeployWorkflow wf = start(request().build());
    awaitStatus(wf, DeployStatus.PAUSED);

    wf.decide(OperatorDecision.ABANDON);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertEquals(FailureTypes.ABANDONED, ((ApplicationFailure) e.getCause()).getType());
    assertWithinBounds("harness", heldAt(wf.progress()));
    assertLive(heldAt(wf.progress()));
    assertTrue(CONTROL.callCounts().keySet().stream().noneMatch(k -> k.contains(".Delete")), CONTROL.callCounts()::toString);
  }

  @Test
  void cancelWhilePaused_rollsBackEverything() {
    FAULTS.arm(StepFaultTable.firstCallOf("service-active"));
    DeployWorkflow wf = start(request().build());
    DeployProgress paused = awaitStatus(wf, DeployStatus.PAUSED);
    assertWithinBounds("service-active", heldAt(paused));
    assertLive(heldAt(paused));

    WorkflowStub.fromTyped(wf).cancel();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertInstanceOf(CanceledFailure.class, e.getCause());
    assertEquals(DeployStatus.CANCELED, wf.progress().status());
    assertLive(Set.of());
    assertHoldsExactly(tombstonesAfterRollback(heldAt(paused)));
  }

  /**
   * Cancel arrives while the provider's create is in flight. Rollback must not undo that step
   * before the create has finished, or the provider it creates a moment later is left behind.
   * The hook holds the create until the workflow has answered the cancel, and, if that answer
   * already started the undo, until the undo has run: the outcome is then deterministic. Nothing
   * waits on the result meanwhile, so the test server cannot skip time past the call's timeout.
   */
  @Test
  void cancelWhileACreateIsInFlight_rollsBackEverything_includingWhatThatCreateMade() throws InterruptedException {
    DeployRequest req = request().build();
    String id = req.key().workflowId();
    DeployWorkflow wf = stub(req);
    CountDownLatch hookStarted = new CountDownLatch(1);
    CountDownLatch hookDone = new CountDownLatch(1);
    FAULTS.arm(new StepFaults.Trigger("EnsureApiKeyProvider", args -> true, c -> {
      hookStarted.countDown();
      WorkflowStub.fromTyped(wf).cancel();
      long cancel = awaitHistory(id, e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
      awaitHistory(id, e -> e.getEventId() > cancel && e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      long undo = firstUndoEventId(id);
      if (undo > 0) { // the rollback did not wait: let its first undo finish before the create
        awaitHistory(id, e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
            && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == undo);
      }
      hookDone.countDown();
    }));
    WorkflowClient.start(wf::deploy, req);
    while (!hookStarted.await(10, TimeUnit.MILLISECONDS)) {
      env.sleep(Duration.ofSeconds(2)); // the IAM propagation timers before the provider step
    }
    assertTrue(hookDone.await(30, TimeUnit.SECONDS));

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertInstanceOf(CanceledFailure.class, e.getCause());
    assertEquals(DeployStatus.CANCELED, wf.progress().status());
    assertEquals(1, CONTROL.requests("bedrock-agentcore-control", "CreateApiKeyCredentialProvider").size());
    assertLive(Set.of());
    assertHoldsExactly(tombstonesAfterRollback(heldAt(wf.progress())));
    assertEquals(Outcome.CREATED, step(wf.progress(), "credential-provider").outcome(), "the step kept its result");
  }

  /** Id of the first ActivityTaskScheduled of a delete, 0 if none. */
  private long firstUndoEventId(String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().startsWith("Delete"))
        .mapToLong(HistoryEvent::getEventId).findFirst().orElse(0);
  }

  /** Waits for the first event that matches; returns its id. */
  private long awaitHistory(String workflowId, Predicate<HistoryEvent> event) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      java.util.Optional<HistoryEvent> found =
          client.fetchHistory(workflowId).getEvents().stream().filter(event).findFirst();
      if (found.isPresent()) {
        return found.get().getEventId();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no such event in the history of " + workflowId);
  }
}
