package io.harnessdeployer.workflows.progress;

public enum StepStatus {
  PENDING,
  RUNNING,
  DONE,
  /** Failed; the deploy is rolling back (or about to). */
  FAILED,
  /** Failed; the deploy waits for the operator. */
  PAUSED,
  /** Not part of this deploy's shape (plaintext secret mode, external MCP URL, no update needed). */
  SKIPPED,
  COMPENSATING,
  COMPENSATED,
  COMPENSATION_FAILED
}
