package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.steps.Outcome;

/**
 * @param kind e.g. {@code iam-role}, {@code ecs-cluster}; @param id name or ARN
 * @param rotated this deploy's credentials differed from what the resource held and now reach it:
 *     the secret got a new version, the service rolled out so its tasks read it, the Token Vault
 *     provider holds the new Basic header
 */
public record ResourceOutcome(String step, String kind, String id, Outcome outcome, boolean rotated) {
  public ResourceOutcome(String step, String kind, String id, Outcome outcome) {
    this(step, kind, id, outcome, false);
  }
}
