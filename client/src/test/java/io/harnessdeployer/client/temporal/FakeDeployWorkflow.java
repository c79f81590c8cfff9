package io.harnessdeployer.client.temporal;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the deploy contract for CLI tests, steered by the deployment name: {@code pause…} fails
 * step "secret" once and {@code late…} step "harness" (then pauses or rolls back per onFailure);
 * {@code retry…} makes step "harness" wait on a {@link FlakyCall} that fails twice before it
 * succeeds ({@code retrylong…}: 8 times, 4 s); {@code invalid…} is rejected as input; anything else succeeds. Like the real board, the
 * deploy's last error is {@code <step>: <error>} and a rollback moves currentStep over every undo,
 * the failed step's included, so currentStep ends on the first step.
 */
public class FakeDeployWorkflow implements DeployWorkflow {
  static final Duration STEP_TIME = Duration.ofMillis(30);
  static final List<String> STEPS = List.of("preflight", "secret", "harness");

  private final List<StepState> steps = new ArrayList<>();
  private DeployStatus status = DeployStatus.RUNNING;
  private String current;
  private String lastError;
  private String deployment;
  private OperatorDecision decision;

  @Override
  public DeploySummary deploy(DeployRequest request) {
    deployment = request.key().toString();
    if (request.deploymentName().startsWith("invalid")) {
      throw ApplicationFailure.newNonRetryableFailure("rejected by the workflow", FailureTypes.VALIDATION);
    }
    STEPS.forEach(id -> steps.add(StepState.pending(id, "Step " + id)));
    for (int i = 0; i < steps.size(); i++) {
      while (true) {
        steps.set(i, steps.get(i).running(now()));
        current = steps.get(i).id();
        Workflow.sleep(STEP_TIME);
        if (request.deploymentName().startsWith("retry") && current.equals("harness")) {
          steps.set(i, steps.get(i).awaiting("FlakyCall"));
          int failures = request.deploymentName().startsWith("retrylong") ? 8 : 2;
          Workflow.newActivityStub(FlakyCall.class, FlakyCall.options()).flakyCall(deployment, failures);
        }
        boolean fails = current.equals(failingStep(request.deploymentName())) && steps.get(i).attempts() == 1;
        if (!fails) {
          steps.set(i, steps.get(i).done(now(), current + "-resource", Outcome.CREATED));
          break;
        }
        String error = "AccessDenied: not authorized to " + (current.equals("secret") ? "CreateSecret" : "CreateHarness");
        lastError = current + ": " + error;
        if (request.onFailure() == OnFailure.ROLLBACK) {
          steps.set(i, steps.get(i).failed(now(), StepStatus.FAILED, error));
          throw rollBack(i);
        }
        steps.set(i, steps.get(i).failed(now(), StepStatus.PAUSED, error));
        status = DeployStatus.PAUSED;
        awaitDecision(i);
        OperatorDecision d = decision;
        decision = null;
        status = DeployStatus.RUNNING;
        if (d == OperatorDecision.ROLLBACK) {
          steps.set(i, steps.get(i).failed(now(), StepStatus.FAILED, error));
          throw rollBack(i);
        }
        if (d == OperatorDecision.ABANDON) {
          status = DeployStatus.ABANDONED;
          throw ApplicationFailure.newNonRetryableFailure("abandoned at " + current, FailureTypes.ABANDONED);
        }
      }
    }
    status = DeployStatus.SUCCEEDED;
    current = null;
    return new DeploySummary(deployment, status, "hrn-123", "arn:aws:bedrock-agentcore:us-east-1:1:harness/hrn-123",
        request.names().harness(), "READY", request.modelId(), "https://svc.ecs.us-east-1.on.aws/mcp",
        "ECS Express — svc (cluster: c)", "arn:role", "arn:provider", "arn:task", "arn:infra", "c", "arn:svc",
        "/ecs/zscaler-mcp", request.secretMode(), request.names().secret(), "arn:secret", "https://console",
        List.of(new ResourceOutcome("secret", "secret", "arn:secret", Outcome.CREATED)));
  }

  /** A cancel while paused undoes what ran, as the real saga does, and ends CANCELED. */
  private void awaitDecision(int paused) {
    try {
      Workflow.await(() -> decision != null);
    } catch (CanceledFailure e) {
      for (int j = paused; j >= 0; j--) {
        steps.set(j, steps.get(j).compensation(StepStatus.COMPENSATED, "DELETED"));
        current = steps.get(j).id();
      }
      status = DeployStatus.CANCELED;
      throw e;
    }
  }

  private static String failingStep(String deploymentName) {
    return deploymentName.startsWith("pause") ? "secret" : deploymentName.startsWith("late") ? "harness" : null;
  }

  /** Undoes the failed step and those before it, newest first, as the real saga does. */
  private ApplicationFailure rollBack(int failed) {
    String failedStep = steps.get(failed).id();
    String error = steps.get(failed).lastError();
    status = DeployStatus.ROLLING_BACK;
    for (int j = failed; j >= 0; j--) {
      steps.set(j, steps.get(j).compensation(StepStatus.COMPENSATED, "DELETED"));
      current = steps.get(j).id();
    }
    status = DeployStatus.ROLLED_BACK;
    return ApplicationFailure.newNonRetryableFailure("rolled back after " + failedStep + " failed: " + error,
        FailureTypes.ROLLED_BACK);
  }

  @Override
  public DeployProgress progress() {
    return new DeployProgress(deployment, status, current, List.copyOf(steps), lastError, List.of());
  }

  @Override
  public String decide(OperatorDecision d) {
    decision = d;
    return d + " accepted for step " + current;
  }

  @Override
  public void validateDecide(OperatorDecision d) {
    if (status != DeployStatus.PAUSED) {
      throw new IllegalStateException("the deploy is " + status + ", not paused");
    }
  }

  @Override
  public void operatorDecision(OperatorDecision d) {
    if (status == DeployStatus.PAUSED) {
      decision = d;
    }
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
