package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.secrets.Sealed;
import java.util.List;
import java.util.Map;

/**
 * The desired ECS Express service (spec §8e). Fixed fields (health path, port, CPU, memory, log
 * stream prefix) come from {@code Names}.
 *
 * @param environment the non-secret container env, in order (spec §8a, already without credential
 *     keys and with the defaults added)
 * @param secretArn with {@code secretKeys}: one {@code secrets[]} entry per key, {@code
 *     valueFrom=<arn>:<KEY>::}; null in plaintext mode
 * @param plaintextCredentials PLAINTEXT mode only: the activity unseals them and adds their keys to
 *     the container env; null otherwise
 * @param allowedHost the public FQDN to merge into {@code ZSCALER_MCP_ALLOWED_HOSTS} (spec §9.6);
 *     null on the first rollout, where the activity merges the live endpoint's host of an existing
 *     service instead, so an unchanged rerun is ADOPTED without a rollout
 * @param secretRotated the secret got a new version in this deploy: an existing service is rolled
 *     out even when its configuration is unchanged, because tasks read the secret when they start
 */
public record ServiceSpec(
    Scope scope,
    String cluster,
    String serviceName,
    String executionRoleArn,
    String infrastructureRoleArn,
    String image,
    String logGroup,
    Map<String, String> environment,
    String secretArn,
    List<String> secretKeys,
    Sealed plaintextCredentials,
    String allowedHost,
    boolean secretRotated) {

  /** No rotation to roll out. */
  public ServiceSpec(Scope scope, String cluster, String serviceName, String executionRoleArn,
      String infrastructureRoleArn, String image, String logGroup, Map<String, String> environment,
      String secretArn, List<String> secretKeys, Sealed plaintextCredentials, String allowedHost) {
    this(scope, cluster, serviceName, executionRoleArn, infrastructureRoleArn, image, logGroup, environment,
        secretArn, secretKeys, plaintextCredentials, allowedHost, false);
  }
}
