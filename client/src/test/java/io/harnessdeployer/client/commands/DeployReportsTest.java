package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.DeployResult;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last lines of a deploy that paused or ended with several steps failed side by side. */
class DeployReportsTest {
  static final DeploymentKey KEY = new DeploymentKey("us-east-1", "demo");

  static StepState failed(String id, StepStatus status, String error) {
    return StepState.pending(id, "Step " + id).running(0).failed(10, status, error);
  }

  static String report(DeployResult r) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    DeployReports.report(new OutputPrinter(new PrintWriter(out, true), new PrintWriter(err, true), false), r, KEY, false);
    return err.toString();
  }

  @Test
  void aPauseNamesTheFailedStepAndTheOthersThatFailedBesideIt() {
    List<StepState> steps = List.of(
        StepState.pending("secret", "Step secret").running(0).done(5, "arn", Outcome.CREATED),
        failed("cluster", StepStatus.PAUSED, "AccessDenied: ecs:CreateCluster"),
        failed("log-group", StepStatus.PAUSED, "InternalFailure:\n500"));
    DeployResult r = new DeployResult("us-east-1/demo", "wf", "run", "PAUSED", null, "log-group", "InternalFailure: 500",
        List.of(), steps);

    assertEquals(List.of(
        "Paused us-east-1/demo at step log-group: InternalFailure: 500",
        "  also failed: cluster: AccessDenied: ecs:CreateCluster",
        "Fix the cause, then either:"), report(r).lines().limit(3).toList());
  }

  @Test
  void aRollbackNamesOnlyTheStepsStillFailed() {
    List<StepState> steps = List.of(
        failed("harness", StepStatus.FAILED, "ValidationException").compensation(StepStatus.COMPENSATED, "DELETED"),
        failed("log-group", StepStatus.FAILED, "Throttling"));
    DeployResult r = new DeployResult("us-east-1/demo", "wf", "run", "ROLLED_BACK", null, "harness",
        "rolled back after harness failed: ValidationException", List.of(), steps);

    assertEquals(List.of(
        "Deploy of us-east-1/demo ended ROLLED_BACK at step harness: rolled back after harness failed: ValidationException",
        "  also failed: log-group: Throttling"), report(r).lines().toList());
    assertEquals(ExitCodes.FAILED, DeployReports.report(new OutputPrinter(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), false), r, KEY, false));
  }
}
