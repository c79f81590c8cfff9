package io.harnessdeployer.activities.common;

import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.Map;

/** The tag rules every ensure and delete applies (see {@link Outcome} and {@link DeleteMode}). */
public final class Ownership {
  private Ownership() {}

  /** Whether a delete in {@code mode} may touch a resource with these tags. */
  public static boolean mayDelete(Scope scope, DeleteMode mode, Map<String, String> tags) {
    return mode == DeleteMode.THIS_RUN ? scope.ownsRun(tags) : scope.ownsDeployment(tags);
  }

  /** The outcome for a resource that existed: this run's own, else changed or left as it was. */
  public static Outcome existing(Scope scope, Map<String, String> tags, boolean changed) {
    if (scope.ownsRun(tags)) {
      return Outcome.CREATED;
    }
    return changed ? Outcome.UPDATED : Outcome.ADOPTED;
  }

  /** The detail line of a KEPT_NOT_OURS delete. */
  public static String notOurs(DeleteMode mode) {
    return mode == DeleteMode.THIS_RUN
        ? "not created by this run: kept"
        : "not tagged for this deployment: kept";
  }
}
