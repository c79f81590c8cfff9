package io.harnessdeployer.workflows.common;

import io.harnessdeployer.workflows.steps.GatewayRoleSpec;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.harnessdeployer.workflows.steps.RuntimeRoleSpec;
import io.harnessdeployer.workflows.steps.TaskExecutionRoleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a role must look like (spec §4.6, §5.2, §5.3): built once from its spec, so the IAM
 * activity's ensure and the role's desired state cannot disagree.
 *
 * @param inline policy name to document; a null document means "must not exist"
 */
public record RoleDesign(
    String principal, String description, List<String> managedPolicies, Map<String, String> inline) {

  /** {@code CrossAccountEcrPull} for a private ECR image; {@code ReadZscalerSecrets} when a secret is used. */
  public static RoleDesign taskExecution(TaskExecutionRoleSpec spec) {
    Map<String, String> inline = new LinkedHashMap<>();
    EcrImageUri.parse(spec.imageUri()).ifPresent(ecr -> inline.put(Names.POLICY_CROSS_ACCOUNT_ECR_PULL,
        Policies.crossAccountEcrPull(spec.scope().region(), ecr.registryId())));
    inline.put(Names.POLICY_READ_ZSCALER_SECRETS, spec.secretArn() == null
        ? null
        : Policies.readZscalerSecrets(spec.scope().region(), spec.secretArn()));
    return new RoleDesign(Names.PRINCIPAL_ECS_TASKS, Names.DESCRIPTION_TASK_EXECUTION_ROLE,
        List.of(Names.MANAGED_POLICY_TASK_EXECUTION), inline);
  }

  public static RoleDesign infrastructure(RoleSpec spec) {
    return new RoleDesign(Names.PRINCIPAL_ECS, Names.DESCRIPTION_INFRASTRUCTURE_ROLE,
        List.of(Names.MANAGED_POLICY_INFRASTRUCTURE), Map.of());
  }

  public static RoleDesign harness(HarnessRoleSpec spec) {
    String policy = Policies.harnessInline(spec.scope().region(), spec.account(), spec.harnessName());
    return new RoleDesign(Names.PRINCIPAL_AGENTCORE, Names.DESCRIPTION_HARNESS_ROLE, List.of(),
        Map.of(Names.POLICY_HARNESS_INLINE, policy));
  }

  /** §5.4: tagged std+gw; the trust is re-applied on reuse (the seed's UpdateAssumeRolePolicy). */
  public static RoleDesign runtime(RuntimeRoleSpec spec) {
    return new RoleDesign(Names.PRINCIPAL_AGENTCORE, Names.DESCRIPTION_RUNTIME_ROLE, List.of(),
        Map.of(Names.POLICY_RUNTIME_INLINE,
            Policies.runtimeInline(spec.scope().region(), spec.account(), spec.secretArn())));
  }

  public static RoleDesign gateway(GatewayRoleSpec spec) {
    return new RoleDesign(Names.PRINCIPAL_AGENTCORE, Names.DESCRIPTION_GATEWAY_ROLE, List.of(),
        Map.of(Names.POLICY_GATEWAY_INLINE, Policies.gatewayInline(spec.runtimeArn())));
  }

  /**
   * The compared properties, in the shape the role's describe reports them: {@code trustPolicy},
   * {@code inlinePolicies} (name → parsed document, the must-not-exist ones absent) and {@code
   * managedPolicies} (sorted ARNs).
   */
  public Map<String, Object> properties() {
    Map<String, Object> policies = new TreeMap<>();
    inline.forEach((name, doc) -> {
      if (doc != null) {
        policies.put(name, Policies.tree(doc));
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trustPolicy", Policies.tree(Policies.trust(principal)));
    out.put("inlinePolicies", policies);
    out.put("managedPolicies", managedPolicies.stream().sorted().toList());
    return out;
  }
}
