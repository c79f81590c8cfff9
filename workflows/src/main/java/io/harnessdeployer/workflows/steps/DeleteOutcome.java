package io.harnessdeployer.workflows.steps;

/** What a {@code deleteX} did. Every value is a success: deletes never fail on "not found". */
public enum DeleteOutcome {
  DELETED,
  /** Not found (or already deleting / scheduled for deletion). */
  ALREADY_GONE,
  /** Exists, but lacks the tag the {@link DeleteMode} requires: left untouched. */
  KEPT_NOT_OURS
}
