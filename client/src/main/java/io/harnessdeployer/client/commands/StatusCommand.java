package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.ProgressRows;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.client.temporal.TemporalErrors;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.progress.StepState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The deployment as Temporal knows it: the last operation's run, its state and every step. Exit 0
 * when it succeeded or is running, 3 when paused for an operator, 1 when it failed or was rolled
 * back. Live AWS state (harness and service status) is still to come.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the state of a deployment: its last operation and every step.")
public final class StatusCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  /** What {@code status} prints. Deploy fields are null when the last operation is another kind. */
  public record Status(
      String deployment,
      String workflowId,
      String runId,
      String operation,
      String temporalStatus,
      Instant startedAt,
      Instant closedAt,
      String status,
      String currentStep,
      String lastError,
      List<StepState> steps,
      DeploySummary summary) {}

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    try (TemporalConnection conn = ctx.temporal().connect(temporal.address(ctx.env()), temporal.namespace(ctx.env()))) {
      Deployments deployments = new Deployments(conn);
      WorkflowExecutionDescription d = deployments.describe(key).orElseThrow(() -> Deployments.noDeployment(key));
      Status status = status(deployments, key, d);
      printer.result(status, out -> text(out, status, key, ctx));
      return exitCode(status.status());
    }
  }

  private Status status(Deployments deployments, DeploymentKey key, WorkflowExecutionDescription d) {
    String runId = d.getExecution().getRunId();
    String temporalStatus = d.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    DeployProgress p = null;
    DeploySummary summary = null;
    if (Deployments.DEPLOY_TYPE.equals(d.getWorkflowType())) {
      try {
        p = deployments.typed(key.workflowId(), runId).progress();
      } catch (RuntimeException e) {
        RuntimeException unreachable = TemporalErrors.translate(e, deployments.connection());
        if (unreachable != e) {
          throw unreachable;
        }
      }
      if (d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        try {
          summary = deployments.stub(key.workflowId(), runId).getResult(5, TimeUnit.SECONDS, DeploySummary.class);
        } catch (Exception e) {
          summary = null; // result not retrievable (history gone): the progress still tells
        }
      }
    }
    String state = p != null ? p.status().name() : temporalStatus;
    return new Status(key.toString(), key.workflowId(), runId, d.getWorkflowType(), temporalStatus,
        d.getStartTime(), d.getCloseTime(), state,
        p == null ? null : p.currentStep(), p == null ? null : p.lastError(),
        p == null ? List.of() : p.steps(), summary);
  }

  private void text(PrintWriter out, Status s, DeploymentKey key, CliContext ctx) {
    out.println(s.deployment() + ": " + s.status() + " (" + s.operation() + " " + s.temporalStatus().toLowerCase(java.util.Locale.ROOT)
        + ", started " + s.startedAt() + (s.closedAt() == null ? "" : ", ended " + s.closedAt()) + ")");
    if (s.lastError() != null) {
      out.println("Last error" + (s.currentStep() == null ? "" : " at " + s.currentStep()) + ": " + s.lastError());
    }
    if (!s.steps().isEmpty()) {
      ProgressRenderer.table(out, ProgressRows.of(new DeployProgress(s.deployment(), null, s.currentStep(), s.steps(), null, List.of()),
          ctx.clock().millis()));
    }
    if (s.summary() != null) {
      DeployReports.summary(out, s.summary(), key);
    }
  }

  static int exitCode(String status) {
    if (status.equals(DeployStatus.PAUSED.name())) {
      return ExitCodes.PAUSED;
    }
    return switch (status) {
      case "SUCCEEDED", "RUNNING", "ROLLING_BACK", "COMPLETED" -> ExitCodes.OK;
      default -> ExitCodes.FAILED;
    };
  }
}
