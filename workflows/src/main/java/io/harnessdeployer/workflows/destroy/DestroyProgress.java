package io.harnessdeployer.workflows.destroy;

import io.harnessdeployer.workflows.progress.StepState;
import java.util.List;

/**
 * Answer of the progress query. Each step's {@code compensation} holds its {@link DestroyOutcome}
 * once done; a failed step has status FAILED and its reason in {@code lastError}.
 *
 * @param currentStep id of the running or last finished step; null before the first
 * @param failures one line per failed delete
 */
public record DestroyProgress(
    String deployment,
    DestroyStatus status,
    String currentStep,
    List<StepState> steps,
    List<String> failures) {}
