package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.graph.Observed;
import io.temporal.activity.ActivityInterface;

/**
 * IAM roles (spec §4.6, §5). Each ensure is idempotent by role name: GetRole; missing → CreateRole
 * with the trust policy, description and {@link Scope#tags()}, then its policies → CREATED; present
 * → policies re-applied (trust policy untouched) → UPDATED if anything changed, else ADOPTED;
 * CREATED whenever the role carries this run's tag. The workflow waits for IAM propagation after
 * CREATED, so activities never sleep. Compensation of each: {@link #deleteRole} (THIS_RUN).
 */
@ActivityInterface
public interface IamActivities {
  /**
   * {@code AmazonECSTaskExecutionRolePolicy} attached; inline {@code CrossAccountEcrPull} for an ECR
   * image; inline {@code ReadZscalerSecrets} on the secret ARN (and {@code ARN-*}) when given,
   * deleted from a reused role when not (spec §5.2).
   */
  ResourceRef ensureTaskExecutionRole(TaskExecutionRoleSpec spec);

  /** Trust {@code ecs.amazonaws.com}; the Express-Gateway infrastructure managed policy (§5.3). */
  ResourceRef ensureInfrastructureRole(RoleSpec spec);

  /** Trust {@code bedrock-agentcore.amazonaws.com}; inline {@code HarnessInlinePolicy} (§4.6). */
  ResourceRef ensureHarnessRole(HarnessRoleSpec spec);

  /**
   * Trust {@code bedrock-agentcore.amazonaws.com}; inline {@code ZscalerRuntimeInline} (§5.4): ECR,
   * logs, Bedrock, and the exact secret ARN when given; tags {@link Scope#gatewayTags()}.
   */
  ResourceRef ensureRuntimeRole(RuntimeRoleSpec spec);

  /** Trust {@code bedrock-agentcore.amazonaws.com}; inline {@code ZscalerGatewayInline} on the Runtime (§5.5). */
  ResourceRef ensureGatewayRole(GatewayRoleSpec spec);

  /**
   * Detaches every managed policy and deletes every inline policy, then DeleteRole; only if the role
   * carries the tag {@code input.mode()} requires. {@code input.id()} is the role name.
   */
  DeleteResult deleteRole(ResourceDelete input);

  /**
   * Read-only: the role {@code input.id()} as {@code trustPolicy} (parsed), {@code inlinePolicies}
   * (name → parsed document), {@code managedPolicies} (sorted ARNs) and its tags, the shape of
   * {@code RoleDesign#properties}. Not found → {@code exists=false}.
   */
  Observed describeRole(Lookup input);
}
