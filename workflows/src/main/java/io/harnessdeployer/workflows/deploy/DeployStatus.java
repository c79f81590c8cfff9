package io.harnessdeployer.workflows.deploy;

/** Where a deploy stands; also the value of the {@code HarnessStatus} search attribute. */
public enum DeployStatus {
  RUNNING,
  /** A step failed; waiting for an {@link OperatorDecision}. */
  PAUSED,
  ROLLING_BACK,
  SUCCEEDED,
  ROLLED_BACK,
  /** Rolled back, but some compensations failed: see {@link DeployProgress#compensationFailures()}. */
  ROLLBACK_INCOMPLETE,
  ABANDONED,
  CANCELED,
  /** A check failed for good before anything was written (e.g. the account): nothing to undo. */
  FAILED
}
