package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.progress.StepState;
import java.util.List;

/**
 * Answer of the progress query: every step of the plan, in order.
 *
 * @param deployment the deployment key, {@code <region>/<name>}
 * @param currentStep id of the running, paused or last failed step; null before the first
 * @param lastError the failure that paused or rolled back the deploy
 * @param compensationFailures one line per undo that failed during rollback
 */
public record DeployProgress(
    String deployment,
    DeployStatus status,
    String currentStep,
    List<StepState> steps,
    String lastError,
    List<String> compensationFailures) {}
