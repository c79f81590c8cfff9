package io.harnessdeployer.client.temporal;

import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.progress.StepState;
import java.util.List;

/**
 * How a watched deploy ended (or paused): what {@code deploy}, {@code resume} and {@code rollback}
 * print, as text or JSON.
 *
 * @param status a {@code DeployStatus} name, or TERMINATED / TIMED_OUT when Temporal ended the run
 * @param summary set when the deploy succeeded
 * @param error why it paused or failed; null on success
 * @param failedStep the step that paused or failed the deploy, if known
 */
public record DeployResult(
    String deployment,
    String workflowId,
    String runId,
    String status,
    DeploySummary summary,
    String failedStep,
    String error,
    List<String> compensationFailures,
    List<StepState> steps) {}
