package io.harnessdeployer.emulator.runtime;

import java.time.Instant;
import java.util.List;
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

  /** An OAuth2 token endpoint's answer: a bearer token, or the OAuth error code (never both). */
  record TokenGrant(String accessToken, String error) {
    @Override
    public String toString() {
      return accessToken != null ? "TokenGrant[token=***]" : "TokenGrant[error=" + error + "]";
    }
  }

  /**
   * A client_credentials grant from the identity provider whose OpenID discovery URL this is (a
   * Cognito user pool of the emulator), as an AgentCore credential provider fetches it. Null scopes
   * ask for every scope the client may have; an empty list for none (the token has no scope claim).
   */
  default TokenGrant clientCredentials(
      String discoveryUrl, String clientId, String clientSecret, List<String> scopes, Instant now) {
    return new TokenGrant(null, "invalid_client");
  }

  /**
   * The claims of {@code token} if the identity provider behind {@code discoveryUrl} signed it, its
   * issuer is that provider's and it has not expired at {@code now}; else empty.
   */
  default Optional<Map<String, Object>> verifiedClaims(String discoveryUrl, String token, Instant now) {
    return Optional.empty();
  }

  /**
   * Appends {@code lines} at {@code at} to a log stream, as a service's log agent does. With {@code
   * createGroup} the group and stream are made if missing (an AWS-managed group); otherwise lines
   * for a missing group are dropped (the awslogs driver cannot deliver them).
   */
  default void writeLog(String accountId, String region, String group, String stream, Instant at, List<String> lines,
      boolean createGroup) {}
}
