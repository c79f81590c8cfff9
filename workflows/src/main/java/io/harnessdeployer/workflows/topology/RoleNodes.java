package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.RoleDesign;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.GatewayRoleSpec;
import io.harnessdeployer.workflows.steps.RuntimeRef;
import io.harnessdeployer.workflows.steps.RuntimeRoleSpec;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.IamActivities;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.TaskExecutionRoleSpec;
import java.util.Map;

/**
 * The IAM roles: the ecs topology's three, the gateway topology's Runtime and Gateway roles. No wait after a create: whatever assumes a new role retries on IAM's
 * propagation error instead (the seed slept 10 s after each).
 */
final class RoleNodes {
  private final Settings s;

  RoleNodes(Settings s) {
    this.s = s;
  }

  Ensured taskExecution(Step step) {
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + s.names().taskExecutionRole())
        .ensureTaskExecutionRole(taskExecutionSpec(step));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Ensured infrastructure(Step step) {
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + s.names().infrastructureRole())
        .ensureInfrastructureRole(infrastructureSpec());
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Ensured harness(Step step) {
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + s.names().harnessRole())
        .ensureHarnessRole(harnessSpec(step));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Ensured runtime(Step step) {
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + s.names().gateway().runtimeRole())
        .ensureRuntimeRole(runtimeSpec(step));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Ensured gateway(Step step) {
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + s.names().gateway().gatewayRole())
        .ensureGatewayRole(gatewaySpec(step));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Map<String, Object> desiredRuntime(Step step) {
    return DesiredState.gateway(s.scope(), null, RoleDesign.runtime(runtimeSpec(step)).properties());
  }

  Map<String, Object> desiredGateway(Step step) {
    return DesiredState.gateway(s.scope(), null, RoleDesign.gateway(gatewaySpec(step)).properties());
  }

  private RuntimeRoleSpec runtimeSpec(Step step) {
    SecretRef secret = step.input(GatewayTopology.SECRET, SecretRef.class);
    return new RuntimeRoleSpec(s.scope(), s.names().gateway().runtimeRole(),
        step.input(GatewayTopology.PREFLIGHT, CallerIdentity.class).account(), secret == null ? null : secret.arn());
  }

  private GatewayRoleSpec gatewaySpec(Step step) {
    return new GatewayRoleSpec(s.scope(), s.names().gateway().gatewayRole(),
        step.input(GatewayTopology.RUNTIME, RuntimeRef.class).runtimeArn());
  }

  /** Desired states: the very specs the ensures send, through the activity's own {@link RoleDesign}. */
  Map<String, Object> desiredTaskExecution(Step step) {
    return DesiredState.of(s.scope(), null, RoleDesign.taskExecution(taskExecutionSpec(step)).properties());
  }

  Map<String, Object> desiredInfrastructure(Step step) {
    return DesiredState.of(s.scope(), null, RoleDesign.infrastructure(infrastructureSpec()).properties());
  }

  Map<String, Object> desiredHarness(Step step) {
    return DesiredState.of(s.scope(), null, RoleDesign.harness(harnessSpec(step)).properties());
  }

  /** Read-only: the role as IAM has it (see {@link IamActivities#describeRole}). */
  Observed describe(Step step, String name) {
    return step.aws(IamActivities.class, "describe IAM role " + name).describeRole(new Lookup(s.scope(), name));
  }

  private TaskExecutionRoleSpec taskExecutionSpec(Step step) {
    SecretRef secret = step.input(EcsTopology.SECRET, SecretRef.class);
    return new TaskExecutionRoleSpec(s.scope(), s.names().taskExecutionRole(), s.deploy().imageUri(),
        secret == null ? null : secret.arn());
  }

  private RoleSpec infrastructureSpec() {
    return new RoleSpec(s.scope(), s.names().infrastructureRole());
  }

  private HarnessRoleSpec harnessSpec(Step step) {
    CallerIdentity identity = step.input(EcsTopology.PREFLIGHT, CallerIdentity.class);
    return new HarnessRoleSpec(s.scope(), s.names().harnessRole(), identity.account(), s.names().harness());
  }

  Done delete(Step step, String name) {
    return Done.of(step.delete(IamActivities.class, "delete IAM role " + name)
        .deleteRole(new ResourceDelete(s.scope(), step.mode(), name)));
  }

  /**
   * ECS removes a service's load balancer, target groups and security groups with this role: while
   * the service may still exist, deleting it could strand them, so it waits for a rerun.
   */
  Done deleteInfrastructure(Step step) {
    Done service = step.dependent(EcsTopology.SERVICE);
    if (service != null && service.mayRemain()) {
      String why = service.lingering() ? "the service is still DRAINING" : "the service delete failed";
      return Done.failed("not attempted: " + why + ", and ECS needs this role to remove its load"
          + " balancer; rerun destroy once the service is gone");
    }
    return delete(step, s.names().infrastructureRole());
  }
}
