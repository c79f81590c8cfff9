package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.secrets.Sealed;

/**
 * @param credentials sealed credential JSON; the activity builds {@code Basic
 *     base64(client_id:client_secret)} from it and sends it only to AgentCore
 */
public record ApiKeyProviderSpec(Scope scope, String providerName, Sealed credentials) {}
