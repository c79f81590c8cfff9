package io.harnessdeployer.emulator.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one service needs to know of another, the way AWS itself checks it: ECS asks IAM whether a
 * role can be passed yet, and the simulated container asks Secrets Manager for a secret's JSON.
 */
public interface CloudLookup {
  /** When the role was created, or empty if no such role exists in the account. */
  Optional<Instant> roleCreatedAt(String accountId, String roleArn);

  /**
   * The current SecretString of a live (not deleted) secret, parsed as a flat JSON object, or empty
   * if the secret is missing, deleted, or not a JSON object. {@code secretId} is a name or an ARN.
   */
  Optional<Map<String, String>> secretJson(String accountId, String region, String secretId);

  /** What STS AssumeRole reads of a role: its id, name, trust policy and longest session. */
  record RoleTrust(String roleId, String roleName, String trustPolicy, int maxSessionDuration) {}

  /** The role with this ARN in the account's IAM, or empty if there is none. */
  default Optional<RoleTrust> roleTrust(String accountId, String roleArn) {
    return Optional.empty();
  }
}
