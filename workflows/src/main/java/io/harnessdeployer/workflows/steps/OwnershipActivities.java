package io.harnessdeployer.workflows.steps;

import io.temporal.activity.ActivityInterface;

/** Preflight: may this deployment adopt every resource it claims? Read-only. */
@ActivityInterface
public interface OwnershipActivities {
  /**
   * Reads the tags of each claimed resource with the cheapest read its service has, and judges
   * them by the claim's {@link OwnershipRule}. Fails with ONE non-retryable {@code Conflict} that
   * names every resource this deployment may not adopt, its owner and the way out; a missing
   * resource is no conflict.
   */
  OwnershipReport checkOwnership(OwnershipCheck check);
}
