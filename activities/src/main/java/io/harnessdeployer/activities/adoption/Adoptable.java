package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.Map;
import java.util.Optional;

/** One kind of resource: found by name (read-only), and tagged. Neither ever changes its configuration. */
interface Adoptable {
  /** Empty when it does not exist (or only as a tombstone: deleted, INACTIVE). */
  Optional<Found> find(String region, AdoptTarget target);

  /** Adds {@code tags}; keeps every tag it had. */
  void tag(String region, Found found, Map<String, String> tags);
}
