package io.harnessdeployer.workflows.destroy;

import java.util.List;

/**
 * Result of a destroy: every resource in the order destroy visited it.
 *
 * @param status {@link DestroyStatus#DESTROYED} or {@link DestroyStatus#DESTROY_FAILED}
 * @param notes warnings for the operator, e.g. what a keep flag leaves without its dependencies
 */
public record DestroyReport(
    String deployment, DestroyStatus status, List<ResourceReport> resources, List<String> notes) {

  /** Whether any delete failed (the CLI exits 1). */
  public boolean hasFailures() {
    return resources.stream().anyMatch(r -> r.outcome() == DestroyOutcome.FAILED);
  }

  /** The failed resources, with their reasons. */
  public List<ResourceReport> failures() {
    return resources.stream().filter(r -> r.outcome() == DestroyOutcome.FAILED).toList();
  }

  /** The report of one step; throws if destroy has no such step. */
  public ResourceReport of(String step) {
    return resources.stream().filter(r -> r.step().equals(step)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no destroy step " + step));
  }
}
