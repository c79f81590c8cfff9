package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.common.Names.CLUSTER_DELETE_RETRY_INTERVAL;
import static io.harnessdeployer.workflows.common.Names.CLUSTER_DELETE_TIMEOUT;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.ClusterSpec;
import io.harnessdeployer.workflows.steps.EcsActivities;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;

/** The ECS cluster; a pre-existing one is adopted and never gets our tags (spec §7b). */
final class ClusterNode {
  /** {@code Workflow.getVersion} change id of not deleting the cluster after its service's delete failed. */
  static final String AFTER_FAILED_SERVICE = "cluster-after-failed-service";

  private final Settings s;

  ClusterNode(Settings s) {
    this.s = s;
  }

  Ensured ensure(Step step) {
    ResourceRef ref = step.aws(EcsActivities.class, "ensure ECS cluster " + s.names().cluster())
        .ensureCluster(new ClusterSpec(s.scope(), s.names().cluster()));
    return Ensured.of(ref, ref.name(), ref.outcome());
  }

  /** ACTIVE, with this deployment's tags (an adopted cluster of someone else's lacks them: drift says so). */
  java.util.Map<String, Object> desired(Step step) {
    return DesiredState.of(s.scope(), "ACTIVE", java.util.Map.of());
  }

  Observed describe(Step step) {
    return step.aws(EcsActivities.class, "describe ECS cluster " + s.names().cluster())
        .describeCluster(new Lookup(s.scope(), s.names().cluster()));
  }

  /**
   * Retried every 15 s for 180 s while services drain (spec §7.5). Not tried when the service's
   * delete failed: ECS refuses a cluster with a service, so the retries could only run out.
   */
  Done delete(Step step) {
    String name = s.names().cluster();
    Done service = step.dependent(EcsTopology.SERVICE);
    if (service != null && service.outcome() == DestroyOutcome.FAILED
        && Workflow.getVersion(AFTER_FAILED_SERVICE, Workflow.DEFAULT_VERSION, 1) == 1) {
      return Done.failed("not attempted: the delete of service " + s.names().service()
          + " failed, and ECS keeps a cluster that has one; rerun destroy, see: aws ecs list-services --cluster "
          + name + " --region " + s.scope().region());
    }
    EcsActivities ecs = step.untilNotBusy(EcsActivities.class, "delete ECS cluster " + name,
        CLUSTER_DELETE_RETRY_INTERVAL, CLUSTER_DELETE_TIMEOUT);
    try {
      return Done.of(ecs.deleteCluster(new ResourceDelete(s.scope(), step.mode(), name)));
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested()
          || !(Failures.isTimeout(e) || FailureTypes.RESOURCE_BUSY.equals(Failures.type(e)))) {
        throw e;
      }
      return Done.failed(Failures.describe(e) + "; services or tasks may still be draining, see:"
          + " aws ecs list-services --cluster " + name + " --region " + s.scope().region());
    }
  }
}
