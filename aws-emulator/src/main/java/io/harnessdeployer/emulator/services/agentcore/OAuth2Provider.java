package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;
import java.util.Map;

/**
 * A Token Vault OAuth2 credential provider. {@code config} is the vendor configuration as sent, minus
 * the client secret, which is kept apart and never returned.
 */
record OAuth2Provider(
    String name, String arn, String secretArn, String vendor, String configMember, Map<String, Object> config,
    String clientSecret, String callbackUrl, Instant createdTime, Instant lastUpdatedTime) {

  @Override
  public String toString() {
    return "OAuth2Provider[" + name + ", " + arn + ", " + vendor + ", clientSecret=***]";
  }
}
