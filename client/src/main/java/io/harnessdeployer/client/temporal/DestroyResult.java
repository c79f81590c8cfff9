package io.harnessdeployer.client.temporal;

import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.progress.StepState;
import java.util.List;

/**
 * How a watched destroy ended.
 *
 * @param status a {@code DestroyStatus} name, or FAILED (input rejected), TERMINATED, TIMED_OUT
 * @param report the per-resource report, when the workflow returned one
 * @param error why it ended without a report; null with one
 */
public record DestroyResult(
    String deployment,
    String workflowId,
    String runId,
    String status,
    DestroyReport report,
    String error,
    List<StepState> steps) {}
