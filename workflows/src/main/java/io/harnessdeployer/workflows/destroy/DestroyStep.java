package io.harnessdeployer.workflows.destroy;

import io.harnessdeployer.workflows.steps.DeleteResult;
import java.util.function.Supplier;

/**
 * One step of the destroy plan: one resource.
 *
 * @param keptBy the flag that keeps the resource ({@code --keep-ecs} …), or null
 * @param delete deletes it (never called when kept by a flag); activity failures it throws are
 *     reported as FAILED by the workflow
 */
record DestroyStep(
    String id, String title, String kind, String name, String keptBy, Supplier<Done> delete) {

  /** What a step's delete did. */
  record Done(DestroyOutcome outcome, String detail) {
    static Done of(DeleteResult result) {
      DestroyOutcome outcome = switch (result.outcome()) {
        case DELETED -> DestroyOutcome.DELETED;
        case ALREADY_GONE -> DestroyOutcome.ALREADY_GONE;
        case KEPT_NOT_OURS -> DestroyOutcome.KEPT_NOT_OURS;
      };
      return new Done(outcome, result.detail());
    }
  }
}
