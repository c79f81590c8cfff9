package io.harnessdeployer.workflows.drift;

import java.util.List;

/**
 * What a heal did: the deploy saga it ran and the check after it.
 *
 * @param deployWorkflowId the deployment's workflow id the deploy ran under
 * @param changes what the deploy changed, one line per resource ({@code secret CREATED})
 * @param error why the deploy failed; null when it succeeded
 * @param after the check that followed a successful deploy; empty when it failed
 */
public record Heal(
    String deployWorkflowId, String deployRunId, boolean succeeded, List<String> changes, String error,
    List<ResourceDrift> after) {
  public Heal {
    changes = changes == null ? List.of() : List.copyOf(changes);
    after = after == null ? List.of() : List.copyOf(after);
  }
}
