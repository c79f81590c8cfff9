package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.progress.ProgressBoard;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The operator's side of a deploy, for both workflow shapes: the decision a paused deploy waits
 * for (by Update or Signal), and how a run ends once the operator or onFailure stopped it.
 * Emits no commands of its own beyond the rollback it is handed. Workflow code: deterministic.
 */
final class Operator {
  private static final Logger log = Workflow.getLogger(Operator.class);

  private final Supplier<ProgressBoard<DeployStatus>> board;
  private OperatorDecision decision;

  Operator(Supplier<ProgressBoard<DeployStatus>> board) {
    this.board = board;
  }

  /** Blocks until the operator decides; the decision is consumed. */
  OperatorDecision await() {
    Workflow.await(() -> decision != null);
    OperatorDecision next = decision;
    decision = null;
    return next;
  }

  String decide(OperatorDecision next) {
    decision = next;
    return next + " accepted for step " + board.get().currentStep();
  }

  void validate(OperatorDecision next) {
    if (next == null) {
      throw new IllegalArgumentException("decision must be RETRY, ROLLBACK or ABANDON");
    }
    DeployStatus status = board.get().status();
    if (status != DeployStatus.PAUSED || decision != null) {
      throw new IllegalStateException("deploy is " + status + ", not waiting for a decision");
    }
  }

  void signal(OperatorDecision next) {
    DeployStatus status = board.get().status();
    if (next != null && status == DeployStatus.PAUSED && decision == null) {
      decision = next;
    } else {
      log.warn("ignoring decision {}: deploy is {}", next, status);
    }
  }

  /**
   * Ends a stopped run: ABANDON leaves everything; ROLLBACK runs {@code rollBack} detached (a
   * cancel arriving mid-rollback must not strand half the undos). Always throws.
   */
  RuntimeException end(Stop stop, Runnable rollBack, Supplier<DeployProgress> progress) {
    if (stop.decision == OperatorDecision.ABANDON) {
      board.get().status(DeployStatus.ABANDONED);
      throw ApplicationFailure.newNonRetryableFailure(
          "abandoned at " + stop.stepIds + ", resources left as they are: " + stop.error,
          FailureTypes.ABANDONED);
    }
    Workflow.newDetachedCancellationScope(rollBack).run();
    boolean clean = board.get().failures().isEmpty();
    throw ApplicationFailure.newNonRetryableFailure(
        (clean ? "rolled back after " : "rollback incomplete after ") + stop.stepIds + " failed: "
            + stop.error,
        clean ? FailureTypes.ROLLED_BACK : FailureTypes.ROLLBACK_INCOMPLETE,
        progress.get());
  }
}
