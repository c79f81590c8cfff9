package io.harnessdeployer.workflows.steps;

import io.temporal.activity.ActivityInterface;

/**
 * Read-only: which resources carry a deployment's {@code harness-deployer:deployment} tag, found
 * with each service's list APIs. Destroy asks it first, so it deletes what the deployment owns
 * even when it is given other names than the deploy used.
 */
@ActivityInterface
public interface DiscoveryActivities {
  /** Never writes; a resource it cannot read the tags of is left out, never guessed. */
  TaggedResources findTagged(TagSearch input);
}
