package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CUSTOM_JWT inbound authorizer of Gateways and Runtimes: the bearer token must be signed by the
 * identity provider of {@code discoveryUrl} with its issuer and unexpired; then {@code allowedAudience}
 * (when set) must contain its {@code aud}, {@code allowedClients} (when set) its {@code client_id},
 * and {@code allowedScopes} (when set) at least one of its scopes. Cognito client-credentials tokens
 * carry no {@code aud}, so an authorizer that sets {@code allowedAudience} rejects them.
 */
final class JwtAuthorizer {
  private JwtAuthorizer() {}

  /** Why the request is refused, or empty when it may pass; never names the token. */
  static Optional<String> reject(CloudLookup cloud, Map<String, Object> authorizerConfiguration, String authorization, Instant now) {
    Map<String, Object> jwt = Values.map(authorizerConfiguration == null ? null : authorizerConfiguration.get("customJWTAuthorizer"));
    if (jwt == null) return Optional.of("no CUSTOM_JWT authorizer is configured");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of("missing bearer token");
    }
    Optional<Map<String, Object>> verified = cloud.verifiedClaims(Values.string(jwt, "discoveryUrl"), authorization.substring(7).trim(), now);
    if (verified.isEmpty()) return Optional.of("the token is not valid for the issuer of " + Values.string(jwt, "discoveryUrl"));
    Map<String, Object> claims = verified.get();
    List<Object> audience = Values.list(jwt.get("allowedAudience"));
    // List.contains(null) throws on immutable lists, and a Cognito token has no aud.
    if (!audience.isEmpty() && audience.stream().noneMatch(a -> a.equals(claims.get("aud")))) return Optional.of("audience not allowed");
    List<Object> clients = Values.list(jwt.get("allowedClients"));
    if (!clients.isEmpty() && clients.stream().noneMatch(c -> c.equals(claims.get("client_id")))) return Optional.of("client not allowed");
    List<Object> scopes = Values.list(jwt.get("allowedScopes"));
    Set<String> granted = claims.get("scope") == null ? Set.of()
        : Arrays.stream(claims.get("scope").toString().split(" ")).collect(Collectors.toSet());
    if (!scopes.isEmpty() && scopes.stream().noneMatch(granted::contains)) return Optional.of("insufficient scope");
    return Optional.empty();
  }
}
