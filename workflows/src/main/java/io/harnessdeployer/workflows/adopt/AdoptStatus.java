package io.harnessdeployer.workflows.adopt;

/** How an adopt run ended. Only {@link #ADOPTED} wrote anything. */
public enum AdoptStatus {
  /** A plan run: what an apply would tag. */
  PLANNED,
  /** Applied: every {@link AdoptVerdict#WILL_TAG} resource is now {@link AdoptVerdict#TAGGED}. */
  ADOPTED,
  /** Applied, but nothing needed a tag (already ours, missing or left alone). */
  NOTHING_TO_DO,
  /** A resource belongs to another deployment: nothing was tagged. */
  REFUSED,
  /** What the apply found differs from the confirmed plan: nothing was tagged. */
  PLAN_CHANGED
}
