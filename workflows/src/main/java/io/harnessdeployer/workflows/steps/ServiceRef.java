package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * @param changes what differed and was rolled out (empty: no rollout started): {@code image},
 *     {@code healthCheckPath}, {@code secrets}, or env key names; never values. Non-empty also for
 *     a CREATED service that a retry of this run had to update. {@link #SECRET_VERSION} when the
 *     rollout is (also) for a rotated secret's new version.
 */
public record ServiceRef(
    String serviceArn, String serviceName, String cluster, Outcome outcome, List<String> changes) {
  /** The change that rolls out tasks so they read the secret's new version (see {@code ServiceSpec#secretRotated}). */
  public static final String SECRET_VERSION = "secretVersion";

  /** Whether this ensure rolled the service out for a rotated secret. */
  public boolean rolledForSecret() {
    return changes != null && changes.contains(SECRET_VERSION);
  }
}
