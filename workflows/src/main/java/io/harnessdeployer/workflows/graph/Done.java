package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;

/**
 * What one delete did.
 *
 * @param lingering the delete was accepted but the resource still exists (a DRAINING service):
 *     resources it uses may not be safe to delete yet
 */
public record Done(DestroyOutcome outcome, String detail, boolean lingering) {
  public Done(DestroyOutcome outcome, String detail) {
    this(outcome, detail, false);
  }

  public static Done of(DeleteResult result) {
    DestroyOutcome outcome = switch (result.outcome()) {
      case DELETED -> DestroyOutcome.DELETED;
      case ALREADY_GONE -> DestroyOutcome.ALREADY_GONE;
      case KEPT_NOT_OURS -> DestroyOutcome.KEPT_NOT_OURS;
    };
    return new Done(outcome, result.detail());
  }

  public static Done notOurs(String why) {
    return new Done(DestroyOutcome.KEPT_NOT_OURS, why);
  }

  public static Done failed(String why) {
    return new Done(DestroyOutcome.FAILED, why);
  }

  /** Whether it may still exist: its delete failed or has not finished. */
  public boolean mayRemain() {
    return outcome == DestroyOutcome.FAILED || lingering;
  }
}
