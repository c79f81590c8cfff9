package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.common.Names.CLUSTER_DELETE_RETRY_INTERVAL;
import static io.harnessdeployer.workflows.common.Names.CLUSTER_DELETE_TIMEOUT;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Failures;
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

/** The ECS cluster; a pre-existing one is adopted and never gets our tags (spec §7b). */
final class ClusterNode {
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

  /** Retried every 15 s for 180 s while services drain (spec §7.5). */
  Done delete(Step step) {
    String name = s.names().cluster();
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
