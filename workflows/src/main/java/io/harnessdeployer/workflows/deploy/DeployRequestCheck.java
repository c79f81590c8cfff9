package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.common.FailureTypes.VALIDATION;

import io.harnessdeployer.workflows.common.AccountCheck;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import java.util.Map;

/**
 * Input checks before any AWS call. The CLI checks the same things (and exits 2); these protect
 * starts from the Temporal UI or another client. Failures are non-retryable {@code Validation}.
 */
public final class DeployRequestCheck {
  private DeployRequestCheck() {}

  /** Fills what a hand-written start (Temporal UI JSON) may leave out with the spec defaults. */
  public static DeployRequest withDefaults(DeployRequest r) {
    if (r == null) {
      throw invalid("a DeployRequest is required");
    }
    DeployRequest.Builder b = r.toBuilder();
    if (r.topology() == null) b.topology(Topology.ECS);
    if (r.names() == null) b.names(ResourceNames.defaults());
    if (r.imageUri() == null || r.imageUri().isBlank()) b.imageUri(Names.DEFAULT_IMAGE);
    if (r.modelId() == null || r.modelId().isBlank()) b.modelId(Names.DEFAULT_MODEL_ID);
    if (r.secretMode() == null) b.secretMode(SecretMode.MANAGED);
    if (r.containerEnv() == null) b.containerEnv(Map.of());
    if (r.onFailure() == null) b.onFailure(OnFailure.PAUSE);
    if (r.serviceTimeout() == null) b.serviceTimeout(Names.SERVICE_ACTIVE_TIMEOUT);
    if (r.iamPropagation() == null) b.iamPropagation(Names.IAM_PROPAGATION);
    return b.build();
  }

  static void validate(DeployRequest r) {
    validate(r, true);
  }

  /** @param needsCredentials false for what only reads (a drift check without heal, a plan) */
  public static void validate(DeployRequest r, boolean needsCredentials) {
    try {
      new DeploymentKey(r.region(), r.deploymentName());
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    require(r.names().harness(), Names.HARNESS_NAME_PATTERN, "harness name");
    require(r.names().apiKeyProvider(), Names.PROVIDER_NAME_PATTERN, "credential provider name");
    if (r.topology() == Topology.GATEWAY) {
      validateGateway(r);
    } else if (r.ecsHost()) {
      require(r.names().cluster(), Names.CLUSTER_NAME_PATTERN, "cluster name");
    } else if (!r.externalMcpUrl().trim().toLowerCase(Locale.ROOT).startsWith("https://")) {
      throw invalid("MCP URL must be HTTPS: " + r.externalMcpUrl());
    }
    if (needsCredentials && r.credentials() == null) {
      throw invalid("sealed Zscaler credentials are required");
    }
    if (r.secretMode() == SecretMode.BRING_YOUR_OWN
        && (r.byoSecretId() == null || r.byoSecretId().isBlank())) {
      throw invalid("bring-your-own secret mode needs the secret's name or ARN");
    }
    for (String key : r.containerEnv().keySet()) {
      if (Names.CREDENTIAL_KEYS.contains(key)) {
        throw invalid("container env may not carry " + key + ": credentials travel sealed only");
      }
    }
    // a Duration past protobuf's range would fail every workflow task, forever
    if (r.serviceTimeout().isNegative() || r.serviceTimeout().isZero()
        || r.serviceTimeout().compareTo(Names.SERVICE_TIMEOUT_MAX) > 0) {
      throw invalid("service timeout must be positive and at most " + Names.SERVICE_TIMEOUT_MAX + ": "
          + r.serviceTimeout());
    }
    if (r.iamPropagation().isNegative() || r.iamPropagation().compareTo(Names.IAM_PROPAGATION_MAX) > 0) {
      throw invalid("IAM propagation wait must be between 0 and " + Names.IAM_PROPAGATION_MAX + ": "
          + r.iamPropagation());
    }
    String accountProblem = AccountCheck.problem(r.expectedAccount(), r.assumeRole());
    if (accountProblem != null) {
      throw invalid(accountProblem);
    }
  }

  /** The gateway topology's names; an MCP URL has no meaning there (spec §3 step 3). */
  private static void validateGateway(DeployRequest r) {
    if (!r.ecsHost()) {
      throw invalid("an MCP URL is for the ecs topology; the gateway topology runs its own MCP server");
    }
    GatewayNames n = r.names().gateway();
    require(n.runtime(), Names.RUNTIME_NAME_PATTERN, "runtime name");
    require(n.gateway(), Names.GATEWAY_NAME_PATTERN, "gateway name");
    require(n.gatewayTarget(), Names.GATEWAY_NAME_PATTERN, "gateway target name");
    require(n.oauthProvider(), Names.PROVIDER_NAME_PATTERN, "OAuth2 provider name");
    require(n.userPool(), Names.COGNITO_POOL_NAME_PATTERN, "Cognito user pool name");
    // the account (13 characters with its '-') is appended to the prefix
    require(n.domainPrefix() + "-123456789012", Names.COGNITO_DOMAIN_PATTERN, "Cognito domain prefix");
  }

  private static void require(String value, String pattern, String what) {
    if (value == null || !value.matches(pattern)) {
      throw invalid(what + " must match " + pattern + ": " + value);
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, VALIDATION);
  }
}
