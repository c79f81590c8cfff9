package io.harnessdeployer.client.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The failed step comes from the steps, whatever currentStep says. */
class FailedStepsTest {
  static StepState done(String id) {
    return StepState.pending(id, "Step " + id).running(0).done(10, id + "-1", Outcome.CREATED);
  }

  static StepState failed(String id, StepStatus status, String error) {
    return StepState.pending(id, "Step " + id).running(0).failed(10, status, error);
  }

  static DeployProgress progress(DeployStatus status, String current, String lastError, StepState... steps) {
    return new DeployProgress("us-east-1/demo", status, current, List.of(steps), lastError, List.of());
  }

  static String failedStep(DeployProgress p) {
    return FailedSteps.of(p).map(StepState::id).orElse(null);
  }

  @Test
  void aRollbackMovesCurrentStepButNotTheFailedStep() {
    // harness failed; the rollback then undid harness, the role and the secret, secret last
    StepState harness = failed("harness", StepStatus.FAILED, "ValidationException: bad model")
        .compensation(StepStatus.COMPENSATED, "DELETED");
    DeployProgress p = progress(DeployStatus.ROLLED_BACK, "secret", "harness: ValidationException: bad model",
        done("secret").compensation(StepStatus.COMPENSATED, "DELETED"),
        done("harness-role").compensation(StepStatus.COMPENSATED, "DELETED"), harness);

    assertEquals("harness", failedStep(p));
    assertEquals("harness: ValidationException: bad model", FailedSteps.lastError(p));
  }

  @Test
  void ofStepsFailingSideBySideTheOneNamedByTheDeploysErrorIsChosen() {
    DeployProgress p = progress(DeployStatus.ROLLING_BACK, "cluster", "log-group: InternalFailure: 500",
        failed("cluster", StepStatus.FAILED, "AccessDenied: ecs:CreateCluster"),
        failed("log-group", StepStatus.FAILED, "InternalFailure: 500"),
        StepState.pending("service", "Step service"));

    assertEquals("log-group", failedStep(p));
  }

  @Test
  void aFailedStepIsPreferredOverAnUndoneOneWithTheSameError() {
    DeployProgress p = progress(DeployStatus.ROLLING_BACK, "a", "Throttling",
        failed("a", StepStatus.FAILED, "Throttling").compensation(StepStatus.COMPENSATED, "DELETED"),
        failed("b", StepStatus.FAILED, "Throttling"));

    assertEquals("b", failedStep(p));
  }

  @Test
  void anErrorAnOperatorRetryFixedIsNotTheLastErrorOfASucceededDeploy() {
    // secret paused, the operator resumed, it went through: its old error stays on the step
    StepState secret = failed("secret", StepStatus.PAUSED, "AccessDenied: CreateSecret").running(20)
        .done(30, "arn:secret", Outcome.CREATED);
    DeployProgress p = progress(DeployStatus.SUCCEEDED, null, "secret: AccessDenied: CreateSecret", secret, done("harness"));

    assertEquals(Optional.empty(), FailedSteps.of(p));
    assertNull(FailedSteps.lastError(p));
  }

  @Test
  void aStepRunningAgainAfterResumeIsNoLongerFailed() {
    StepState secret = failed("secret", StepStatus.PAUSED, "AccessDenied: CreateSecret").running(20);
    DeployProgress p = progress(DeployStatus.RUNNING, "secret", "secret: AccessDenied: CreateSecret", secret);

    assertNull(failedStep(p));
  }

  @Test
  void aLaterFailureIsNamedNotTheOneARetryFixed() {
    StepState secret = failed("secret", StepStatus.PAUSED, "AccessDenied").running(20).done(30, "arn", Outcome.CREATED);
    DeployProgress p = progress(DeployStatus.PAUSED, "secret", "harness: ValidationException",
        secret, failed("harness", StepStatus.PAUSED, "ValidationException"));

    assertEquals("harness", failedStep(p));
  }

  @Test
  void withAnErrorWordedOtherwiseTheOnlyPausedStepIsNamed() {
    DeployProgress p = progress(DeployStatus.PAUSED, "cluster", "step harness failed", done("cluster"),
        failed("harness", StepStatus.PAUSED, "ValidationException"));

    assertEquals("harness", failedStep(p));
    assertEquals("harness: ValidationException", FailedSteps.lastError(p));
    assertNull(failedStep(progress(DeployStatus.CANCELED, "cluster", null, done("cluster"))), "nothing failed");
    assertNull(failedStep(null));
  }
}
