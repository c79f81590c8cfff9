package io.harnessdeployer.workflows.deploy;

/**
 * Leaves a deploy's run at once: checks failed for good before any resource was written (the
 * account, an ownership conflict found in preflight). Nothing to pause for and nothing to undo.
 */
final class Refused extends RuntimeException {
  final String stepIds;
  final String error;
  /** The failure type of the first failed check, carried into the workflow's failure. */
  final String type;

  Refused(String stepIds, String error, String type) {
    super(stepIds + ": " + error, null, false, false);
    this.stepIds = stepIds;
    this.error = error;
    this.type = type;
  }
}
