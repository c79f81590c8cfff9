package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.steps.Outcome;

/**
 * What a node's ensure produced.
 *
 * @param output what dependents read through {@link Step#input}; null if nothing
 * @param resourceId the name, ARN or id shown on the board
 * @param outcome null for checks
 */
public record Ensured(Object output, String resourceId, Outcome outcome, boolean skipped) {
  public static Ensured of(Object output, String resourceId, Outcome outcome) {
    return new Ensured(output, resourceId, outcome, false);
  }

  public static Ensured checked(Object output, String what) {
    return new Ensured(output, what, null, false);
  }

  public static Ensured skipped(String why) {
    return new Ensured(null, why, null, true);
  }

  /** Whether rollback must undo it: this run created (or restored) it. */
  public boolean ownedByRun() {
    return outcome != null && outcome.ownedByRun();
  }
}
