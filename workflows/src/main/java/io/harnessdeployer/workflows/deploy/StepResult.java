package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.steps.Outcome;

/** @param outcome null for steps that ensure no resource (waits, checks) */
record StepResult(String resourceId, Outcome outcome, boolean skipped) {
  static StepResult of(String resourceId, Outcome outcome) {
    return new StepResult(resourceId, outcome, false);
  }

  static StepResult checked(String what) {
    return new StepResult(what, null, false);
  }

  static StepResult skipped(String why) {
    return new StepResult(why, null, true);
  }
}
