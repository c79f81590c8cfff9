package io.harnessdeployer.workflows.steps;

/**
 * Which live resources of a kind a deployment may adopt. A resource tagged for another deployment
 * is never adopted, updated, tagged or deleted, whatever the rule; the rules differ only on a
 * resource with no deployment tag at all.
 */
public enum OwnershipRule {
  /** Only this deployment's own: an untagged resource with our name is a conflict too. */
  TAGGED_ONLY,
  /**
   * An untagged one is adopted as it is, never tagged and never deleted: where the spec says so
   * (a pre-existing ECS cluster, §9.7; a bring-your-own secret, §6.2).
   */
  ADOPTS_UNTAGGED
}
