package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;

/** A Token Vault API-key credential provider. The key is kept for the data plane and never returned. */
record ApiKeyProvider(
    String name, String arn, String secretArn, String secretSource, String secretJsonKey, String apiKey,
    Instant createdTime, Instant lastUpdatedTime) {

  ApiKeyProvider withKey(String newSource, String newSecretArn, String newJsonKey, String newKey, Instant now) {
    return new ApiKeyProvider(name, arn, newSecretArn, newSource, newJsonKey, newKey, createdTime, now);
  }

  @Override
  public String toString() {
    return "ApiKeyProvider[" + name + ", " + arn + ", apiKey=***]";
  }
}
