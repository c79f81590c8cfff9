package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.common.FailureTypes.VALIDATION;

import io.harnessdeployer.workflows.common.AccountCheck;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.temporal.failure.ApplicationFailure;
import java.util.stream.Stream;

/** Input checks before any AWS call; failures are non-retryable {@code Validation}. */
final class DestroyRequestCheck {
  private DestroyRequestCheck() {}

  /** Fills what a hand-written start (Temporal UI JSON) may leave out with the spec defaults. */
  static DestroyRequest withDefaults(DestroyRequest r) {
    if (r == null) {
      throw invalid("a DestroyRequest is required");
    }
    DestroyRequest.Builder b = r.toBuilder();
    if (r.topology() == null) b.topology(Topology.ECS);
    if (r.names() == null) b.names(ResourceNames.defaults());
    return b.build();
  }

  static void validate(DestroyRequest r) {
    try {
      new DeploymentKey(r.region(), r.deploymentName());
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    ResourceNames n = r.names();
    if (Stream.of(n.harness(), n.harnessRole(), n.apiKeyProvider(), n.cluster(), n.service(),
            n.taskExecutionRole(), n.infrastructureRole(), n.logGroup(), n.secret())
        .anyMatch(name -> name == null || name.isBlank())) {
      throw invalid("every resource name is required: " + n);
    }
    GatewayNames g = n.gateway();
    if (r.topology() == Topology.GATEWAY && Stream.of(g.runtime(), g.runtimeRole(), g.gateway(), g.gatewayTarget(),
            g.gatewayRole(), g.oauthProvider(), g.userPool(), g.resourceServer(), g.appClient(), g.domainPrefix())
        .anyMatch(name -> name == null || name.isBlank())) {
      throw invalid("every gateway resource name is required: " + g);
    }
    if (r.keepSecret() && r.forceSecretDelete()) {
      throw invalid("keepSecret and forceSecretDelete contradict each other: choose one");
    }
    String accountProblem = AccountCheck.problem(r.expectedAccount(), r.assumeRole());
    if (accountProblem != null) {
      throw invalid(accountProblem);
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, VALIDATION);
  }
}
