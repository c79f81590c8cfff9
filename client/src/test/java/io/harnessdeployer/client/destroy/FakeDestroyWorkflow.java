package io.harnessdeployer.client.destroy;

import io.harnessdeployer.client.temporal.FlakyCall;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.destroy.DestroyProgress;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.harnessdeployer.workflows.destroy.ResourceReport;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the destroy contract for CLI tests, steered by the deployment name: {@code fail…} reports
 * the log group FAILED; {@code hold…} waits forever (a destroy in the way); {@code invalid…} is
 * rejected as input; {@code retry…} deletes the harness through a {@link FlakyCall} that fails
 * twice first; anything else deletes everything, keeping the cluster under --keep-ecs.
 */
public class FakeDestroyWorkflow implements DestroyWorkflow {
  static final List<String> STEPS = List.of("harness", "log-group", "cluster");

  private final List<StepState> steps = new ArrayList<>();
  private DestroyStatus status = DestroyStatus.DESTROYING;
  private String deployment = "?";
  private String current;

  @Override
  public DestroyReport destroy(DestroyRequest request) {
    deployment = request.key().tagValue();
    String name = request.deploymentName();
    if (name.startsWith("invalid")) {
      throw ApplicationFailure.newNonRetryableFailure("rejected by the workflow", FailureTypes.VALIDATION);
    }
    if (name.startsWith("hold")) {
      Workflow.await(() -> false);
    }
    STEPS.forEach(id -> steps.add(StepState.pending(id, "Delete " + id)));
    List<ResourceReport> resources = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      current = steps.get(i).id();
      steps.set(i, steps.get(i).running(Workflow.currentTimeMillis()));
      Workflow.sleep(Duration.ofMillis(30));
      if (name.startsWith("retry") && current.equals("harness")) {
        steps.set(i, steps.get(i).awaiting("FlakyCall"));
        Workflow.newActivityStub(FlakyCall.class, FlakyCall.options()).flakyCall(deployment, 2);
      }
      long now = Workflow.currentTimeMillis();
      DestroyOutcome outcome = name.startsWith("fail") && current.equals("log-group") ? DestroyOutcome.FAILED
          : request.keepEcs() && current.equals("cluster") ? DestroyOutcome.KEPT_BY_FLAG : DestroyOutcome.DELETED;
      String detail = outcome == DestroyOutcome.FAILED ? "AccessDenied: CloudWatch Logs delete log group /ecs/x"
          : outcome == DestroyOutcome.KEPT_BY_FLAG ? "kept: --keep-ecs" : current + " deleted";
      steps.set(i, outcome == DestroyOutcome.FAILED
          ? steps.get(i).done(now, current, null).failed(now, StepStatus.FAILED, detail)
          : steps.get(i).done(now, current, null).compensation(StepStatus.DONE, outcome.name()));
      resources.add(new ResourceReport(current, current, current + "-name", outcome, detail));
    }
    boolean failed = resources.stream().anyMatch(r -> r.outcome() == DestroyOutcome.FAILED);
    status = failed ? DestroyStatus.DESTROY_FAILED : DestroyStatus.DESTROYED;
    return new DestroyReport(deployment, status, resources,
        request.keepEcs() ? List.of("--keep-ecs: the service keeps running") : List.of());
  }

  @Override
  public DestroyProgress progress() {
    return new DestroyProgress(deployment, status, current, List.copyOf(steps), List.of());
  }
}
