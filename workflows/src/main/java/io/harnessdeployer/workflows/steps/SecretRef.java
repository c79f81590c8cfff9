package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.common.Names;
import java.util.List;

/**
 * @param arn the full ARN with Secrets Manager's random suffix (IAM matches it exactly)
 * @param keys the credential keys present in the secret (a subset of {@code Names.CREDENTIAL_KEYS});
 *     names only, never values
 * @param managedExternally true for bring-your-own: never written, never deleted
 * @param rotatedKeys the credential keys whose value this deploy changed (added, replaced or
 *     removed) by putting a new version of the managed secret, outcome UPDATED; empty when the secret
 *     was not rotated. Key names only: the values are compared inside the activity and dropped
 */
public record SecretRef(
    String name, String arn, List<String> keys, Outcome outcome, boolean managedExternally,
    List<String> rotatedKeys) {

  public SecretRef {
    rotatedKeys = rotatedKeys == null ? List.of() : List.copyOf(rotatedKeys); // absent in older histories
  }

  /** Not rotated: created, restored, adopted as it was, or bring-your-own. */
  public SecretRef(String name, String arn, List<String> keys, Outcome outcome, boolean managedExternally) {
    this(name, arn, keys, outcome, managedExternally, List.of());
  }

  /** Whether this deploy put a new version with other credentials. */
  public boolean rotated() {
    return !rotatedKeys.isEmpty();
  }

  /**
   * Whether the client id or secret changed, so the Basic header built from them changed too (the
   * Token Vault's stored key cannot be read back to compare).
   */
  public boolean basicHeaderRotated() {
    return rotatedKeys.contains(Names.KEY_CLIENT_ID) || rotatedKeys.contains(Names.KEY_CLIENT_SECRET);
  }
}
