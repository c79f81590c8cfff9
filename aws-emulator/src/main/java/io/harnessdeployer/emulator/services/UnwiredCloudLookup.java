package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CloudLookup} not yet connected to the IAM and Secrets Manager handlers: it knows no role
 * and no secret, so ECS refuses every role and no Express task can inject a secret. Replace it with
 * the lookup backed by those handlers when they are registered.
 */
public final class UnwiredCloudLookup implements CloudLookup {
  public static final UnwiredCloudLookup INSTANCE = new UnwiredCloudLookup();

  private UnwiredCloudLookup() {}

  @Override
  public Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
    return Optional.empty();
  }

  @Override
  public Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
    return Optional.empty();
  }
}
