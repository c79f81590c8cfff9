package io.harnessdeployer.emulator.services.iam;

import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies this emulator knows. Attaching any other ARN fails as in an account where
 * the policy does not exist. Add a policy here when a caller needs it.
 */
final class ManagedPolicies {
  private ManagedPolicies() {}

  /** A managed policy as ListAttachedRolePolicies shows it; {@code path} is its IAM path. */
  record Policy(String name, String path, String arn) {}

  private static final String AWS_POLICY_ARN = "arn:aws:iam::aws:policy";

  private static final Map<String, Policy> KNOWN =
      index(
          policy("/service-role/", "AmazonECSTaskExecutionRolePolicy"),
          policy("/service-role/", "AmazonECSInfrastructureRoleforExpressGatewayServices"),
          policy("/", "AmazonEC2ContainerRegistryReadOnly"),
          policy("/", "CloudWatchLogsFullAccess"),
          policy("/", "SecretsManagerReadWrite"),
          policy("/", "ReadOnlyAccess"),
          policy("/", "AdministratorAccess"));

  static Optional<Policy> find(String arn) {
    return Optional.ofNullable(KNOWN.get(arn));
  }

  private static Policy policy(String path, String name) {
    return new Policy(name, path, AWS_POLICY_ARN + path + name);
  }

  private static Map<String, Policy> index(Policy... policies) {
    Map<String, Policy> m = new java.util.LinkedHashMap<>();
    for (Policy p : policies) m.put(p.arn(), p);
    return Map.copyOf(m);
  }
}
