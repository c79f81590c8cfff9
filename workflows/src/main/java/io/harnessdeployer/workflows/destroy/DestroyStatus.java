package io.harnessdeployer.workflows.destroy;

/** Where a destroy stands; also the value of the {@code HarnessStatus} search attribute. */
public enum DestroyStatus {
  DESTROYING,
  /** Every resource is deleted, already gone or kept. */
  DESTROYED,
  /** Finished, but at least one delete failed: see {@link DestroyReport#failures()}. */
  DESTROY_FAILED,
  CANCELED
}
