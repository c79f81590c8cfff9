package io.harnessdeployer.emulator.services.cognito;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An app client. The secret is returned by Create/DescribeUserPoolClient only, as Cognito does. */
record AppClient(
    String clientId, String name, String poolId, String secret, List<String> oauthFlows, List<String> oauthScopes,
    boolean oauthFlowsUserPoolClient, List<String> explicitAuthFlows, int accessTokenMinutes, Instant created) {

  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("UserPoolId", poolId);
    out.put("ClientName", name);
    out.put("ClientId", clientId);
    if (secret != null) out.put("ClientSecret", secret);
    out.put("LastModifiedDate", created);
    out.put("CreationDate", created);
    out.put("RefreshTokenValidity", 30);
    out.put("AccessTokenValidity", accessTokenMinutes / 60);
    out.put("IdTokenValidity", 60);
    out.put("TokenValidityUnits", Map.of("AccessToken", "hours", "IdToken", "minutes", "RefreshToken", "days"));
    out.put("ExplicitAuthFlows", explicitAuthFlows);
    out.put("AllowedOAuthFlows", oauthFlows);
    out.put("AllowedOAuthScopes", oauthScopes);
    out.put("AllowedOAuthFlowsUserPoolClient", oauthFlowsUserPoolClient);
    out.put("EnableTokenRevocation", true);
    out.put("AuthSessionValidity", 3);
    return out;
  }

  Map<String, Object> description() {
    return new LinkedHashMap<>(Map.of("ClientId", clientId, "ClientName", name, "UserPoolId", poolId));
  }

  @Override
  public String toString() {
    return "AppClient[" + clientId + ", " + name + ", secret=" + (secret == null ? "none" : "***") + "]";
  }
}
