package io.harnessdeployer.workflows.deploy;

/** The operator's answer to a paused deploy (sent by Update or Signal). */
public enum OperatorDecision {
  /** Run the failed step again. */
  RETRY,
  /** Undo what this run created, in reverse order, then fail. */
  ROLLBACK,
  /** Stop here and leave every resource as it is. */
  ABANDON
}
