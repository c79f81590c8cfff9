package io.harnessdeployer.workflows.deploy;

/** What a deploy does when a step fails for good. */
public enum OnFailure {
  /** Wait for an {@link OperatorDecision} (the default). */
  PAUSE,
  /** Compensate at once, in reverse order. */
  ROLLBACK
}
