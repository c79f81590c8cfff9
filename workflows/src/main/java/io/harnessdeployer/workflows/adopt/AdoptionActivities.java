package io.harnessdeployer.workflows.adopt;

import io.temporal.activity.ActivityInterface;

/**
 * Takes over resources the original tool made: finds each by name (the harness by id when given)
 * and judges its tags with {@link AdoptRules#verdict}; tags only what carries no deployment tag.
 * Never changes a resource's configuration.
 */
@ActivityInterface
public interface AdoptionActivities {
  /** Read-only: the resource, its ARN and the verdict on its tags. */
  AdoptFinding inspectForAdoption(AdoptLookup lookup);

  /**
   * Looks again, then tags a {@link AdoptVerdict#WILL_TAG} resource with {@link AdoptRules#tags};
   * anything else is returned as found, untouched. Tagged for another deployment meanwhile → the
   * non-retryable {@code Conflict}. Idempotent: a retry finds the resource already ours.
   */
  AdoptFinding tagForAdoption(AdoptLookup lookup);
}
