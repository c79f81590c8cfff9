package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.graph.Observed;
import io.temporal.activity.ActivityInterface;

/**
 * Secrets Manager (spec §6). The only place the credential payload is unsealed for a secret; no
 * secret value is returned, logged or put in an exception.
 */
@ActivityInterface
public interface SecretsActivities {
  /**
   * Idempotent by secret name. MANAGED: DescribeSecret; missing → CreateSecret with the payload of
   * spec §6.1 and {@link Scope#tags()} → CREATED; soft-deleted → RestoreSecret + PutSecretValue,
   * re-tagged with this run → RESTORED; healthy → its keys are read (§6.3) and its credential
   * key/values compared with {@code spec.credentials()} inside the activity: the same → ADOPTED
   * (CREATED if it carries this run's tag); different and tagged for this deployment →
   * PutSecretValue → UPDATED with the changed key names in {@code rotatedKeys} (the deploy's
   * credentials win over a manual rotation, unlike spec §6.2-A.4). No usable keys → {@code Validation}.
   * BRING_YOUR_OWN: must exist and not be soft-deleted ({@code NotFound} / {@code Validation}) →
   * ADOPTED with {@code managedExternally}. Compensation: {@link #deleteSecret} (THIS_RUN).
   */
  SecretRef ensureSecret(SecretSpec spec);

  /**
   * DeleteSecret, only if the secret carries the tag {@code input.mode()} requires; not found or
   * already scheduled for deletion → ALREADY_GONE.
   */
  DeleteResult deleteSecret(SecretDelete input);

  /**
   * Read-only: secret {@code input.id()} (name or ARN) as {@code name}, {@code arn}, {@code
   * deleted} (scheduled for deletion), {@code currentVersionId}, {@code keys} (credential key names
   * in its value; absent when the value cannot be read) and tags. Never a value. Not found → {@code
   * exists=false}.
   */
  Observed describeSecret(Lookup input);
}
