package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.secrets.Sealed;

/**
 * A {@code CustomOauth2} Token Vault provider on Cognito (spec §3 step 7).
 *
 * @param sealedSecret the app client's, sealed ({@link AppClientRef#SECRET_PURPOSE}); opened only
 *     inside the activity to send it to AgentCore
 */
public record OAuth2ProviderSpec(
    Scope scope, String providerName, String discoveryUrl, String clientId, Sealed sealedSecret) {}
