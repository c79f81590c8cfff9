package io.harnessdeployer.client.temporal;

import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The step that paused or failed a deploy, read from the steps rather than {@code currentStep}:
 * with steps running side by side, and during a rollback, {@code currentStep} is merely the step
 * that changed last.
 */
public final class FailedSteps {
  /** Where a step whose error is no longer current stands: done after a retry, running it again. */
  private static final Set<StepStatus> NOT_FAILED =
      Set.of(StepStatus.PENDING, StepStatus.RUNNING, StepStatus.DONE, StepStatus.SKIPPED);

  private FailedSteps() {}

  /**
   * The step whose error is the deploy's last error and that has not succeeded since (a rollback
   * may have undone it: COMPENSATED). Without such a step, the only FAILED or PAUSED step. Empty
   * when neither: then the deploy's last error is one an operator retry fixed, or there is none.
   */
  public static Optional<StepState> of(DeployProgress p) {
    if (p == null) {
      return Optional.empty();
    }
    List<StepState> open = p.steps().stream().filter(s -> !NOT_FAILED.contains(s.status())).toList();
    if (p.lastError() != null) {
      Optional<StepState> named = open.stream().filter(s -> names(p.lastError(), s))
          .min((a, b) -> Boolean.compare(!paused(a), !paused(b))); // FAILED/PAUSED before undone ones
      if (named.isPresent()) {
        return named;
      }
    }
    List<StepState> failed = open.stream().filter(FailedSteps::paused).toList();
    return failed.size() == 1 ? Optional.of(failed.get(0)) : Optional.empty();
  }

  /** Other steps that failed beside {@code failedStep}: steps running side by side can fail together. */
  public static List<StepState> alsoFailed(List<StepState> steps, String failedStep) {
    return steps.stream().filter(s -> paused(s) && !s.id().equals(failedStep)).toList();
  }

  /** The deploy's error line, or null when no step's failure stands (see {@link #of}). */
  public static String lastError(DeployProgress p) {
    return of(p).map(s -> p.lastError() != null && names(p.lastError(), s) ? p.lastError()
        : s.id() + ": " + s.lastError()).orElse(null);
  }

  /** The workflow words it {@code <step id>: <step's error>}. */
  private static boolean names(String deployError, StepState s) {
    String own = s.lastError();
    return own != null && (deployError.equals(own) || deployError.equals(s.id() + ": " + own));
  }

  private static boolean paused(StepState s) {
    return s.status() == StepStatus.FAILED || s.status() == StepStatus.PAUSED;
  }
}
