package io.harnessdeployer.workflows.steps;

/**
 * What an {@code ensureX} did. The rule that makes rollback safe: a resource that carries this
 * run's {@link io.harnessdeployer.workflows.common.Names#TAG_RUN run tag} is reported
 * {@link #CREATED} even when an earlier attempt of this run created it (a timed-out create that
 * succeeded), so its compensation stays registered. An ensure never rewrites the run tag of a
 * resource it adopts or updates.
 */
public enum Outcome {
  /** Created by this run (this attempt or an earlier one). Rollback deletes it. */
  CREATED,
  /** Existed already and matches the desired state; left as it was. Never rolled back. */
  ADOPTED,
  /** Existed already and was changed to the desired state. Never rolled back. */
  UPDATED,
  /**
   * Was soft-deleted and this run brought it back (a secret in its recovery window). The activity
   * re-tags it with this run, so rollback soft-deletes it again.
   */
  RESTORED;

  /** Whether the rollback of this run must undo it. */
  public boolean ownedByRun() {
    return this == CREATED || this == RESTORED;
  }
}
