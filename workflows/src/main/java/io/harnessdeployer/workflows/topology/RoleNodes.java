package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.IamActivities;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.TaskExecutionRoleSpec;

/**
 * The three IAM roles. No wait after a create: whatever assumes a new role retries on IAM's
 * propagation error instead (the seed slept 10 s after each).
 */
final class RoleNodes {
  private final Settings s;

  RoleNodes(Settings s) {
    this.s = s;
  }

  Ensured taskExecution(Step step) {
    SecretRef secret = step.input(EcsTopology.SECRET, SecretRef.class);
    String name = s.names().taskExecutionRole();
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + name)
        .ensureTaskExecutionRole(new TaskExecutionRoleSpec(s.scope(), name, s.deploy().imageUri(),
            secret == null ? null : secret.arn()));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Ensured infrastructure(Step step) {
    String name = s.names().infrastructureRole();
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + name)
        .ensureInfrastructureRole(new RoleSpec(s.scope(), name));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Ensured harness(Step step) {
    CallerIdentity identity = step.input(EcsTopology.PREFLIGHT, CallerIdentity.class);
    String name = s.names().harnessRole();
    ResourceRef ref = step.aws(IamActivities.class, "ensure IAM role " + name)
        .ensureHarnessRole(new HarnessRoleSpec(s.scope(), name, identity.account(), s.names().harness()));
    return Ensured.of(ref, ref.arn(), ref.outcome());
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
