package io.harnessdeployer.workflows.adopt;

/** What adopt does, or did, with one resource. Only {@link #WILL_TAG} leads to a write. */
public enum AdoptVerdict {
  /** Found without any deployment tag: the plan tags it. */
  WILL_TAG,
  /** Tagged for this deployment by this adopt. */
  TAGGED,
  /** Already carries this deployment's tag: nothing to do. */
  ALREADY_OURS,
  /** Not found: nothing to take over (deploy creates it). */
  MISSING,
  /** Found, but never ours by the spec: a pre-existing cluster, a bring-your-own secret. */
  LEFT_ALONE,
  /** Tagged for another deployment: adopt refuses and writes nothing at all. */
  REFUSED
}
