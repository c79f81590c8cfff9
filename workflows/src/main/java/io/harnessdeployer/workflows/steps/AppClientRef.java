package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.secrets.Sealed;

/**
 * @param clientId not a secret: the authorizers' {@code allowedClients}
 * @param sealedSecret sealed in the activity (purpose {@link #SECRET_PURPOSE}); only the OAuth2
 *     provider's ensure opens it
 */
public record AppClientRef(String clientId, String clientName, Sealed sealedSecret, Outcome outcome) {
  /** Sealing purpose of the app client's secret, so it opens as nothing else. */
  public static final String SECRET_PURPOSE = "cognito-app-client-secret";
}
