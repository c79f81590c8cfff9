package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.services.iam.IamHandler;
import io.harnessdeployer.emulator.services.secretsmanager.SecretsManagerHandler;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** {@link CloudLookup} answered by the emulator's own IAM and Secrets Manager. */
public final class HandlerCloudLookup implements CloudLookup {
  private final IamHandler iam;
  private final SecretsManagerHandler secrets;

  public HandlerCloudLookup(IamHandler iam, SecretsManagerHandler secrets) {
    this.iam = iam;
    this.secrets = secrets;
  }

  @Override
  public Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
    return iam.roleCreatedAt(accountId, roleArn);
  }

  @Override
  public Optional<RoleTrust> roleTrust(String accountId, String roleArn) {
    return iam.roleTrust(accountId, roleArn);
  }

  @Override
  public Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
    return secrets.secretJson(accountId, region, secretId);
  }
}
