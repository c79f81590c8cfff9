package io.harnessdeployer.workflows.progress;

/** State of one step of a deploy or a destroy. */
public enum StepStatus {
  PENDING,
  RUNNING,
  DONE,
  /** Failed; the deploy is rolling back (or about to), or a destroy goes on without it. */
  FAILED,
  /** Failed; the deploy waits for the operator. */
  PAUSED,
  /**
   * Not part of this deploy's shape (plaintext secret mode, external MCP URL, no update needed), or
   * kept by a destroy's keep flag.
   */
  SKIPPED,
  COMPENSATING,
  COMPENSATED,
  COMPENSATION_FAILED
}
