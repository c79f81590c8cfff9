package io.harnessdeployer.workflows.destroy;

/** What destroy did with one resource. */
public enum DestroyOutcome {
  DELETED,
  /** Not found, or already being deleted: nothing to do. */
  ALREADY_GONE,
  /** Left alone because a keep flag names it. */
  KEPT_BY_FLAG,
  /** Exists but is not tagged for this deployment (pre-existing, bring-your-own): never deleted. */
  KEPT_NOT_OURS,
  /** The delete kept failing; the resource may still exist. */
  FAILED;

  public boolean kept() {
    return this == KEPT_BY_FLAG || this == KEPT_NOT_OURS;
  }

  /** Whether the resource no longer exists in AWS as far as this destroy knows. */
  public boolean gone() {
    return this == DELETED || this == ALREADY_GONE;
  }
}
