package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure at each step of the graph, under ROLLBACK and under PAUSE followed by ROLLBACK. Siblings
 * already in flight when a step fails finish first, so what is undone is every resource this run
 * created, whichever branch it was on: asserted exactly from the progress, in reverse dependency
 * order, never a step that depends on the failed one.
 */
class DeployFailureTest {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();

  /** The plan in order, with the undo calls each step's compensation makes (empty: none). */
  static final Map<String, List<String>> UNDO = new LinkedHashMap<>();

  static {
    UNDO.put("preflight", List.of());
    UNDO.put("secret", List.of("deleteSecret:zscaler-mcp-harness/credentials"));
    UNDO.put("task-execution-role", List.of("deleteRole:zscaler-mcp-ecs-task-execution-role"));
    UNDO.put("infrastructure-role", List.of("deleteRole:zscaler-mcp-ecs-infrastructure-role"));
    UNDO.put("cluster", List.of("deleteCluster:zscaler-mcp"));
    UNDO.put("log-group", List.of("deleteLogGroup:/ecs/zscaler-mcp"));
    UNDO.put("service", List.of("deleteService:zscaler-mcp-server", "awaitServiceGone:service",
        "deleteTaskDefinitions:zscaler-mcp-zscaler-mcp-server"));
    UNDO.put("service-active", List.of());
    UNDO.put("allowed-hosts", List.of());
    UNDO.put("service-rollout", List.of());
    UNDO.put("health", List.of());
    UNDO.put("credential-provider", List.of("deleteApiKeyProvider:zscaler-mcp-creds"));
    UNDO.put("harness-role", List.of("deleteRole:zscaler-mcp-harness-execution-role"));
    UNDO.put("harness", List.of("deleteHarness:zscaler_mcp_harness", "awaitHarnessGone:harness"));
    UNDO.put("harness-ready", List.of());
  }

  private final FakeAws aws = new FakeAws();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    this.env = env;
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  static Stream<Arguments> steps() {
    return UNDO.keySet().stream().map(Arguments::of);
  }

  /** Every step after preflight: a failure there finds something written, so it rolls back or pauses. */
  static Stream<Arguments> stepsAfterPreflight() {
    return UNDO.keySet().stream().filter(s -> !s.equals("preflight")).map(Arguments::of);
  }

  /**
   * Preflight's non-retryable failure under ROLLBACK comes before any write: the deploy ends FAILED
   * at once, no rollback, no undo call. (Before fail-before-writes=1 it rolled back like any step;
   * the recorded histories keep that.) An account mismatch ends it so under PAUSE too
   * (ExpectedAccountTest).
   */
  @Test
  void preflightFailureUnderRollback_endsTheDeployFailed_withoutRollback() {
    aws.failAt("preflight", 1);
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(client, options, req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ACCESS_DENIED, failure.getType());
    assertEquals("AccessDenied: injected failure at preflight", failure.getOriginalMessage());
    DeployProgress progress = wf.progress();
    assertEquals(DeployStatus.FAILED, progress.status());
    assertEquals(StepStatus.FAILED, step(progress, "preflight").status());
    assertTrue(progress.steps().stream().filter(s -> !s.id().equals("preflight"))
        .allMatch(s -> s.status() == StepStatus.PENDING), progress::toString);
    assertEquals(List.of("callerIdentity:" + FakeAws.ACCOUNT), aws.calls, "nothing after preflight ran");
    assertEquals("FAILED", WorkflowStub.fromTyped(wf).describe().getTypedSearchAttributes()
        .get(SearchAttributes.STATUS));
  }

  /**
   * pause-on-denied-check=1: under PAUSE, access denied in preflight is the operator's to lift (a
   * missing permission); the deploy waits with nothing written, and a retry completes it.
   */
  @Test
  void preflightDeniedUnderPause_waitsForTheOperator_thenRetryCompletes() {
    aws.failAt("preflight", 1);
    DeployRequest req = request().onFailure(OnFailure.PAUSE).build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);

    DeployProgress paused = awaitStatus(env, wf, DeployStatus.PAUSED);
    assertEquals("preflight", paused.currentStep());
    assertEquals(StepStatus.PAUSED, step(paused, "preflight").status());
    assertEquals("AccessDenied: injected failure at preflight", step(paused, "preflight").lastError());
    assertEquals(List.of("callerIdentity:" + FakeAws.ACCOUNT), aws.calls, "nothing after preflight ran");

    assertEquals("RETRY accepted for step preflight", wf.decide(OperatorDecision.RETRY));
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);
    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertEquals(2, step(wf.progress(), "preflight").attempts());
    assertEquals(List.of(), undoCalls());
  }

  @ParameterizedTest(name = "rollback after failure at {0}")
  @MethodSource("stepsAfterPreflight")
  void onFailureRollback_undoesWhatThisRunCreated_newestFirst(String failing) {
    aws.failAt(failing, 1);
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(client, options, req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ROLLED_BACK, failure.getType());
    assertTrue(failure.getOriginalMessage().contains(failing + " failed: AccessDenied: injected failure"),
        failure.getOriginalMessage());
    assertRolledBack(wf.progress(), failing);
  }

  @ParameterizedTest(name = "pause, then operator rollback, after failure at {0}")
  @MethodSource("stepsAfterPreflight")
  void onFailurePause_waitsForTheOperator_thenRollsBack(String failing) {
    aws.failAt(failing, 1);
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);

    DeployProgress paused = awaitStatus(env, wf, DeployStatus.PAUSED);
    assertEquals(failing, paused.currentStep());
    assertEquals(StepStatus.PAUSED, step(paused, failing).status());
    assertEquals("AccessDenied: injected failure at " + failing, step(paused, failing).lastError());
    assertEquals(List.of(), undoCalls(), "nothing is undone while paused");
    assertEquals("PAUSED", WorkflowStub.fromTyped(wf).describe().getTypedSearchAttributes()
        .get(SearchAttributes.STATUS));

    assertEquals("ROLLBACK accepted for step " + failing, wf.decide(OperatorDecision.ROLLBACK));
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertEquals(FailureTypes.ROLLED_BACK, ((ApplicationFailure) e.getCause()).getType());
    assertRolledBack(wf.progress(), failing);
  }

  @ParameterizedTest(name = "adopted resources survive a rollback after failure at {0}")
  @MethodSource("steps")
  void adoptedResources_areNeverCompensated(String failing) {
    aws.outcome = Outcome.ADOPTED;
    // an adopted service needs no second rollout, so that step could not fail: updated instead
    aws.hostMergeOutcome = failing.equals("service-rollout") ? Outcome.UPDATED : Outcome.ADOPTED;
    aws.failAt(failing, 1);
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    assertThrows(WorkflowFailedException.class, () -> stub(client, options, req).deploy(req));

    // only the failed step's own undo may run: its outcome is unknown, the delete checks the run tag
    assertEquals(UNDO.get(failing), undoCalls());
  }

  private void assertRolledBack(DeployProgress progress, String failing) {
    assertEquals(DeployStatus.ROLLED_BACK, progress.status());
    StepState failed = step(progress, failing);
    assertEquals("AccessDenied: injected failure at " + failing, failed.lastError());
    assertEquals(UNDO.get(failing).isEmpty() ? StepStatus.FAILED : StepStatus.COMPENSATED, failed.status());
    List<String> undone = new ArrayList<>();
    for (String id : UNDO.keySet()) {
      StepState s = step(progress, id);
      if (EcsGraphOrder.dependsOn(id, failing)) {
        assertEquals(StepStatus.PENDING, s.status(), id + " needs " + failing + ": never started");
      } else if (s.outcome() == Outcome.CREATED || id.equals(failing) && !UNDO.get(id).isEmpty()) {
        assertEquals(StepStatus.COMPENSATED, s.status(), id);
        assertEquals("DELETED", s.compensation(), id);
        undone.add(id);
      } else {
        assertNull(s.compensation(), id);
      }
    }
    // every undo ran once, the calls of each step together, dependents before what they use
    List<String> calls = undoCalls();
    List<String> order = new ArrayList<>();
    int at = 0;
    while (at < calls.size()) {
      String call = calls.get(at);
      String id = UNDO.keySet().stream().filter(k -> UNDO.get(k).contains(call)).findFirst().orElseThrow();
      assertEquals(UNDO.get(id), calls.subList(at, Math.min(calls.size(), at + UNDO.get(id).size())), id);
      order.add(id);
      at += UNDO.get(id).size();
    }
    assertEquals(Set.copyOf(undone), Set.copyOf(order), calls.toString());
    assertEquals(undone.size(), order.size(), calls.toString());
    EcsGraphOrder.assertDependencyOrder(order, true);
  }

  private List<String> undoCalls() {
    synchronized (aws.calls) {
      return aws.calls.stream()
          .filter(c -> c.startsWith("delete") || c.startsWith("awaitServiceGone") || c.startsWith("awaitHarnessGone"))
          .toList();
    }
  }
}
