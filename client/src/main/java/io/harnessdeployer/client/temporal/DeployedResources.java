package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a deployment's last deploy made that {@code invoke} and {@code logs} reach: from its summary
 * when it succeeded, else from the steps that got that far (as {@code status} reads them).
 *
 * @param harnessName null when only the steps are known
 * @param logGroup the container log group; null with an external MCP URL
 */
public record DeployedResources(String harnessId, String harnessName, String logGroup) {

  /** Fails (exit 1) when the deployment is unknown, destroyed, or has no harness yet. */
  public static DeployedResources of(Deployments deployments, DeploymentKey key) {
    WorkflowExecutionDescription d = deployments.describe(key).orElseThrow(() -> Deployments.noDeployment(key));
    if (!Deployments.DEPLOY_TYPE.equals(d.getWorkflowType())) {
      throw CliException.failed("the last operation on " + key + " is a " + d.getWorkflowType()
          + ", not a deploy: deploy it first");
    }
    String runId = d.getExecution().getRunId();
    if (d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      try {
        DeploySummary s = deployments.stub(key.workflowId(), runId).getResult(5, TimeUnit.SECONDS, DeploySummary.class);
        if (s != null && s.harnessId() != null) {
          return new DeployedResources(s.harnessId(), s.harnessName(), s.logGroup());
        }
      } catch (Exception e) {
        // the result is gone with the history: the steps still tell
      }
    }
    List<StepState> steps;
    try {
      DeployProgress p = deployments.typed(key.workflowId(), runId).progress();
      steps = p == null ? List.of() : p.steps();
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, deployments.connection());
    }
    String harnessId = done(steps, EcsTopology.HARNESS);
    if (harnessId == null) {
      throw CliException.failed(key + " has no harness yet (its deploy is "
          + d.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return new DeployedResources(harnessId, null, done(steps, EcsTopology.LOG_GROUP));
  }

  private static String done(List<StepState> steps, String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId) && s.outcome() != null)
        .map(StepState::resourceId).findFirst().orElse(null);
  }
}
