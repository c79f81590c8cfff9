package io.harnessdeployer.worker.deploy;

import static io.harnessdeployer.worker.deploy.ExpectedResources.assertWithinBounds;
import static io.harnessdeployer.worker.deploy.ExpectedResources.heldAt;
import static io.harnessdeployer.worker.deploy.ExpectedResources.tombstonesAfterRollback;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A non-retryable fault on the first AWS call of each step, under ROLLBACK and under PAUSE then an
 * operator ROLLBACK: what the emulator holds at each point, exactly.
 */
class DeployFailureOnEmulatorTest extends EmulatorDeployTest {
  /** The steps after the preflight: a preflight failure writes nothing (below). */
  static Stream<String> steps() {
    return ExpectedResources.STEPS.stream().filter(s -> !s.equals("preflight"));
  }

  @Test
  void aPreflightFailureUnderRollback_endsTheDeployAtOnce_withNothingWritten() {
    FAULTS.arm(StepFaultTable.firstCallOf("preflight"));
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    assertTrue(FAULTS.fired(), "the step was reached");
    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(StepFaultTable.failureType("preflight"), failure.getType(), failure.getOriginalMessage());
    DeployProgress p = wf.progress();
    assertEquals(DeployStatus.FAILED, p.status());
    p.steps().stream().filter(s -> !s.id().equals("preflight"))
        .forEach(s -> assertEquals(StepStatus.PENDING, s.status(), s.id() + " never started"));
    assertNothingWritten();
  }

  /** pause-on-denied-check=1: access denied in preflight waits for the operator; a retry completes. */
  @Test
  void aPreflightDenialUnderPause_waitsWithNothingWritten_thenRetryCompletes() {
    FAULTS.arm(StepFaultTable.firstCallOf("preflight"));
    DeployWorkflow wf = start(request().build());

    DeployProgress paused = awaitStatus(wf, DeployStatus.PAUSED);

    assertTrue(FAULTS.fired(), "the step was reached");
    assertEquals("preflight", paused.currentStep());
    assertTrue(step(paused, "preflight").lastError().startsWith("AccessDenied: "), step(paused, "preflight").lastError());
    assertNothingWritten();
    assertEquals("RETRY accepted for step preflight", wf.decide(OperatorDecision.RETRY));
    assertEquals(DeployStatus.SUCCEEDED, WorkflowStub.fromTyped(wf).getResult(DeploySummary.class).status());
  }

  private static void assertNothingWritten() {
    assertTrue(CONTROL.callCounts().keySet().stream().noneMatch(k -> k.contains(".Create") || k.contains(".Delete")),
        "nothing written, nothing undone: " + CONTROL.callCounts());
  }

  @ParameterizedTest(name = "ROLLBACK after a failure at {0}")
  @MethodSource("steps")
  void onFailureRollback_leavesNothingOfOurs(String failing) {
    FAULTS.arm(StepFaultTable.firstCallOf(failing));
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    assertTrue(FAULTS.fired(), "the step was reached");
    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ROLLED_BACK, failure.getType(), failure.getOriginalMessage());
    assertTrue(failure.getOriginalMessage().startsWith("rolled back after " + failing + " failed: "
        + StepFaultTable.failureType(failing) + ": "), failure.getOriginalMessage());
    assertRolledBack(wf.progress(), failing);
  }

  @ParameterizedTest(name = "PAUSE at {0}, then operator ROLLBACK")
  @MethodSource("steps")
  void onFailurePause_holdsWhatWasCreatedBefore_thenOperatorRollbackEmptiesIt(String failing) {
    FAULTS.arm(StepFaultTable.firstCallOf(failing));
    DeployWorkflow wf = start(request().build());

    DeployProgress paused = awaitStatus(wf, DeployStatus.PAUSED);

    assertEquals(failing, paused.currentStep());
    assertEquals(StepStatus.PAUSED, step(paused, failing).status());
    assertTrue(step(paused, failing).lastError().startsWith(StepFaultTable.failureType(failing) + ": "),
        step(paused, failing).lastError());
    assertWithinBounds(failing, heldAt(paused));
    assertLive(heldAt(paused));
    assertTrue(CONTROL.callCounts().keySet().stream().noneMatch(k -> k.contains(".Delete")),
        "nothing is undone while paused");

    assertEquals("ROLLBACK accepted for step " + failing, wf.decide(OperatorDecision.ROLLBACK));
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));

    assertEquals(FailureTypes.ROLLED_BACK, ((ApplicationFailure) e.getCause()).getType());
    assertRolledBack(wf.progress(), failing);
  }

  /** The infrastructure role step fails after its own CreateRole: the role is this run's all the same. */
  static final StepFaults.Trigger AFTER_CREATE_ROLE = new StepFaults.Trigger("EnsureInfrastructureRole",
      args -> true, c -> c.fault("iam", "AttachRolePolicy", "AccessDenied", 403, 1));

  @Test
  void failureAfterTheStepsOwnCreate_rollbackDeletesWhatThatStepCreated() {
    FAULTS.arm(AFTER_CREATE_ROLE);
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(req);

    assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    assertEquals(1, CONTROL.createCalls().get("iam.CreateRole " + Names.ECS_INFRASTRUCTURE_ROLE),
        "the failing step did create its role");
    assertEquals("DELETED", step(wf.progress(), "infrastructure-role").compensation());
    assertLive(Set.of());
    assertHoldsExactly(tombstonesAfterRollback(heldAt(wf.progress())));
  }

  @Test
  void failureAfterTheStepsOwnCreate_retryKeepsTheRoleAsThisRunsOwn() {
    FAULTS.arm(AFTER_CREATE_ROLE);
    DeployWorkflow wf = start(request().build());
    DeployProgress paused = awaitStatus(wf, DeployStatus.PAUSED);
    Set<CloudResource> held = new java.util.LinkedHashSet<>(heldAt(paused));
    held.add(ExpectedResources.role(Names.ECS_INFRASTRUCTURE_ROLE)); // the failing step's role is there already
    assertLive(held);

    wf.decide(OperatorDecision.RETRY);
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);

    assertTrue(summary.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED), summary.resources()::toString);
    assertEquals(ExpectedResources.createCalls(), CONTROL.createCalls());
    assertLive(ExpectedResources.expectedResources());
    assertEquals(List.of(Names.MANAGED_POLICY_INFRASTRUCTURE), AWS.clients.iam()
        .listAttachedRolePolicies(r -> r.roleName(Names.ECS_INFRASTRUCTURE_ROLE)).attachedPolicies().stream()
        .map(p -> p.policyArn()).toList(), "the retry finished the role");
  }

  /** Zero live resources; what is left describable is exactly what AWS keeps after a delete. */
  private static void assertRolledBack(DeployProgress progress, String failing) {
    assertEquals(DeployStatus.ROLLED_BACK, progress.status(), progress::toString);
    assertEquals(List.of(), progress.compensationFailures());
    assertLive(Set.of());
    assertWithinBounds(failing, heldAt(progress));
    assertHoldsExactly(tombstonesAfterRollback(heldAt(progress)));
    progress.steps().stream().filter(s -> s.outcome() == Outcome.CREATED)
        .forEach(s -> assertEquals("DELETED", s.compensation(), s.id()));
    assertTrue(progress.steps().stream().filter(s -> UNDONE.contains(s.id()) && s.status() == StepStatus.DONE)
        .findAny().isEmpty(), "every resource done before the failure was undone: " + progress);
  }

  /** The steps with an undo of their own (allowed-hosts changes the service the service step undoes). */
  static final Set<String> UNDONE = Set.of("secret", "task-execution-role", "infrastructure-role", "cluster",
      "log-group", "service", "credential-provider", "harness-role", "harness");
}
