package io.harnessdeployer.emulator.services.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CUSTOM_JWT rules on a token whose signature the identity provider vouches for (or not). */
class JwtAuthorizerTest {
  static final String DISCOVERY = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool12345/.well-known/openid-configuration";
  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  /** What Cognito puts in a client_credentials token: no aud. */
  static final Map<String, Object> COGNITO = Map.of("client_id", "client-a", "scope", "zscaler-mcp/invoke other/x");

  final CloudLookup cloud = new CloudLookup() {
    @Override
    public Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
      return Optional.empty();
    }

    @Override
    public Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
      return Optional.empty();
    }

    @Override
    public Optional<Map<String, Object>> verifiedClaims(String discoveryUrl, String token, Instant now) {
      return discoveryUrl.equals(DISCOVERY) && token.equals("signed") ? Optional.of(COGNITO) : Optional.empty();
    }
  };

  Optional<String> check(Map<String, Object> jwt, String authorization) {
    Map<String, Object> config = new java.util.HashMap<>(jwt);
    config.put("discoveryUrl", DISCOVERY);
    return JwtAuthorizer.reject(cloud, Map.of("customJWTAuthorizer", config), authorization, NOW);
  }

  @Test
  void spec_authorizer_clientAndScope_admitsTheCognitoToken() {
    Map<String, Object> spec = Map.of("allowedClients", List.of("client-a"), "allowedScopes", List.of("zscaler-mcp/invoke"));
    assertEquals(Optional.empty(), check(spec, "Bearer signed"));
    assertEquals(Optional.empty(), check(spec, "bearer signed"));
  }

  @Test
  void refusals_name_theRuleThatFailed() {
    assertEquals(Optional.of("missing bearer token"), check(Map.of("allowedClients", List.of("client-a")), null));
    assertEquals(Optional.of("missing bearer token"), check(Map.of("allowedClients", List.of("client-a")), "Basic abc"));
    assertEquals(Optional.of("the token is not valid for the issuer of " + DISCOVERY),
        check(Map.of("allowedClients", List.of("client-a")), "Bearer forged"));
    assertEquals(Optional.of("client not allowed"), check(Map.of("allowedClients", List.of("client-b")), "Bearer signed"));
    assertEquals(Optional.of("insufficient scope"), check(Map.of("allowedScopes", List.of("zscaler-mcp/admin")), "Bearer signed"));
    // Cognito access tokens carry no aud: an allowedAudience authorizer never admits them (spec §3 step 8.3).
    assertEquals(Optional.of("audience not allowed"), check(Map.of("allowedAudience", List.of("zscaler-mcp"),
        "allowedClients", List.of("client-a")), "Bearer signed"));
    assertEquals(Optional.of("no CUSTOM_JWT authorizer is configured"), JwtAuthorizer.reject(cloud, Map.of(), "Bearer signed", NOW));
  }
}
