package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.StepReset;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.temporal.api.workflowservice.v1.ResetActivityRequest;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Retries a running deploy's retrying call now, from attempt 1: the Temporal UI's "reset activity"
 * (ResetActivity). Exit 0 once the server accepted it, 1 if nothing is retrying or the server cannot.
 */
@Command(name = "retry-step", mixinStandardHelpOptions = true,
    description = "Run a step whose call is still retrying (IAM propagation, throttling) again now, from "
        + "attempt 1 without backoff, as the Temporal UI's reset activity does. Needs Temporal server 1.28+.")
public final class RetryStepCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  @Option(names = "--step", paramLabel = "<activity>",
      description = "The call to retry: its activity type (e.g. EnsureHarnessRole) or id. Default: the only one "
          + "on a second or later attempt.")
  String step;

  /** Activity types are Java names, activity ids the SDK's counters or UUIDs. */
  static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

  @Override
  public Integer call() {
    if (step != null && !STEP.matcher(step).matches()) {
      throw CliException.badInput("--step must be an activity type or id: ASCII letters, digits and . _ : / -, "
          + "at most 200 characters");
    }
    var ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    Target target = Target.resolve(ctx, temporal, aws);
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      WorkflowExecutionDescription d = new Deployments(conn).describe(key)
          .orElseThrow(() -> Deployments.noDeployment(key));
      if (!Deployments.open(d)) {
        throw CliException.failed(key + " is not running (" + d.getStatus().name()
            .replace("WORKFLOW_EXECUTION_STATUS_", "") + "): there is no call to retry");
      }
      StepReset.Pending call = StepReset.choose(StepReset.pending(d.getRawDescription()), step, key.toString());
      ResetActivityRequest request = StepReset.request(conn.namespace(), key.workflowId(),
          d.getExecution().getRunId(), call, conn.client().getOptions().getIdentity());
      StepReset.send(conn, request);
      String said = "reset " + call.activityType() + " of " + key + " (it was on attempt " + call.attempt()
          + "): it runs again now, from attempt 1";
      printer.result(new Reset(key.toString(), key.workflowId(), d.getExecution().getRunId(), call.activityType(),
          call.activityId(), call.attempt()), out -> out.println(said));
      return ExitCodes.OK;
    }
  }

  /** What {@code --output json} prints. */
  record Reset(String deployment, String workflowId, String runId, String activityType, String activityId,
      int previousAttempt) {}
}
