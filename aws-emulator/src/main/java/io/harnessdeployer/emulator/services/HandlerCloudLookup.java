package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.services.cognito.CognitoHandler;
import io.harnessdeployer.emulator.services.iam.IamHandler;
import io.harnessdeployer.emulator.services.logs.LogsHandler;
import io.harnessdeployer.emulator.services.secretsmanager.SecretsManagerHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CloudLookup} answered by the emulator's own IAM, Secrets Manager and (if given) Cognito. */
public final class HandlerCloudLookup implements CloudLookup {
  private final IamHandler iam;
  private final SecretsManagerHandler secrets;
  private final CognitoHandler cognito;
  private final LogsHandler logs;

  public HandlerCloudLookup(IamHandler iam, SecretsManagerHandler secrets) {
    this(iam, secrets, null);
  }

  public HandlerCloudLookup(IamHandler iam, SecretsManagerHandler secrets, CognitoHandler cognito) {
    this(iam, secrets, cognito, null);
  }

  /** {@code logs} receives what services write to their log groups; null drops it. */
  public HandlerCloudLookup(IamHandler iam, SecretsManagerHandler secrets, CognitoHandler cognito, LogsHandler logs) {
    this.iam = iam;
    this.secrets = secrets;
    this.cognito = cognito;
    this.logs = logs;
  }

  @Override
  public void writeLog(String accountId, String region, String group, String stream, Instant at, List<String> lines,
      boolean createGroup) {
    if (logs != null) logs.append(accountId, region, group, stream, at, lines, createGroup);
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

  @Override
  public TokenGrant clientCredentials(
      String discoveryUrl, String clientId, String clientSecret, List<String> scopes, Instant now) {
    return cognito == null ? new TokenGrant(null, "invalid_client")
        : cognito.clientCredentials(discoveryUrl, clientId, clientSecret, scopes, now);
  }

  @Override
  public Optional<Map<String, Object>> verifiedClaims(String discoveryUrl, String token, Instant now) {
    return cognito == null ? Optional.empty() : cognito.verifiedClaims(discoveryUrl, token, now);
  }
}
