package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * @param arn the full ARN with Secrets Manager's random suffix (IAM matches it exactly)
 * @param keys the credential keys present in the secret (a subset of {@code Names.CREDENTIAL_KEYS});
 *     names only, never values
 * @param managedExternally true for bring-your-own: never written, never deleted
 * @param rotated true when the managed secret held other credentials than this deploy's and a new
 *     version with this deploy's was put (outcome UPDATED); the values are never compared or kept
 *     outside the activity
 */
public record SecretRef(
    String name, String arn, List<String> keys, Outcome outcome, boolean managedExternally, boolean rotated) {

  /** Not rotated: created, restored, adopted as it was, or bring-your-own. */
  public SecretRef(String name, String arn, List<String> keys, Outcome outcome, boolean managedExternally) {
    this(name, arn, keys, outcome, managedExternally, false);
  }
}
