package io.harnessdeployer.workflows.deploy;

/** Leaves a deploy's run: the operator (or onFailure) chose ROLLBACK or ABANDON. */
final class Stop extends RuntimeException {
  final OperatorDecision decision;
  final String stepIds;
  final String error;

  Stop(OperatorDecision decision, String stepIds, String error) {
    super(stepIds + ": " + error, null, false, false);
    this.decision = decision;
    this.stepIds = stepIds;
    this.error = error;
  }
}
