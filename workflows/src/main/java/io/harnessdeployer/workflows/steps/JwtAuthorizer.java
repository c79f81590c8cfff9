package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * The {@code customJWTAuthorizer} of the Runtime's inbound auth and the Gateway (spec §3 steps 8.3,
 * 10): Cognito's discovery URL, the app client and the scope; never an {@code allowedAudience}
 * (Cognito client-credentials tokens carry no {@code aud}).
 */
public record JwtAuthorizer(String discoveryUrl, List<String> allowedClients, List<String> allowedScopes) {
  public JwtAuthorizer {
    allowedClients = allowedClients == null ? List.of() : List.copyOf(allowedClients);
    allowedScopes = allowedScopes == null ? List.of() : List.copyOf(allowedScopes);
  }
}
