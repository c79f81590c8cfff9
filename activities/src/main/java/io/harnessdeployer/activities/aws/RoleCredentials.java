package io.harnessdeployer.activities.aws;

import io.harnessdeployer.workflows.steps.AssumedRole;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The worker's own credentials, or, while an activity of a deployment with {@code --assume-role-arn}
 * runs ({@link ScopedRole#current()}), that role's: one cached, self-refreshing {@code
 * sts:AssumeRole} provider per (role, external id), whose STS client signs with the worker's own
 * credentials.
 */
final class RoleCredentials implements AwsCredentialsProvider, AutoCloseable {
  static final String SESSION_NAME = "harness-deployer";

  private final AwsCredentialsProvider own;
  private final Supplier<StsClient> sts;
  private final Map<AssumedRole, StsAssumeRoleCredentialsProvider> roles = new ConcurrentHashMap<>();

  /** @param sts an STS client on {@code own} credentials (never on this provider: it would recurse) */
  RoleCredentials(AwsCredentialsProvider own, Supplier<StsClient> sts) {
    this.own = own;
    this.sts = sts;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    AssumedRole role = ScopedRole.current();
    if (role == null) {
      return own.resolveCredentials();
    }
    return roles.computeIfAbsent(role, r -> StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts.get())
        .refreshRequest(req -> req.roleArn(r.roleArn()).roleSessionName(SESSION_NAME).externalId(r.externalId()))
        .build()).resolveCredentials();
  }

  @Override
  public void close() {
    roles.values().forEach(p -> IoUtils.closeQuietly(p, null));
  }
}
