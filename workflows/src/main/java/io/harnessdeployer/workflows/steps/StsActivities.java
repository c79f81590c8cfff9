package io.harnessdeployer.workflows.steps;

import io.temporal.activity.ActivityInterface;

/** STS: who we are. Read-only, so trivially idempotent. */
@ActivityInterface
public interface StsActivities {
  /** GetCallerIdentity in {@code scope.region()}. Bad credentials fail with {@code AccessDenied}. */
  CallerIdentity callerIdentity(Scope scope);
}
