package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.DiscoveryActivities;
import io.harnessdeployer.workflows.steps.IamActivities;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.TagSearch;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.steps.TaggedResources;
import io.harnessdeployer.workflows.steps.TaggedService;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deployment's topology is fixed by what it already has in AWS: a deploy of the other one would
 * strand those resources, so preflight refuses it before any write. Pure: workflow code.
 */
final class TopologyGuard {
  /** {@code Workflow.getVersion} change id: DEFAULT = histories from before the check. */
  static final String CHANGE_ID = "topology-preflight";

  private TopologyGuard() {}

  /**
   * A gateway deploy looks for the ecs topology's resources by this deployment's tag; an ecs deploy
   * for the gateway topology's two roles by name (they carry {@code topology=gateway}), the first
   * of its AgentCore-side resources. Read-only calls of the preflight step.
   */
  static void check(Step step, Settings s) {
    if (s.topology() == Topology.GATEWAY) {
      TaggedResources tagged = step.aws(DiscoveryActivities.class, "resources tagged " + s.scope().deployment().tagValue())
          .findTagged(new TagSearch(s.scope(), List.of(s.names().cluster())));
      refuseIfDeployedWith(s.scope().deployment(), Topology.ECS, ecsOnly(tagged));
      return;
    }
    List<String> found = new ArrayList<>();
    for (String role : List.of(s.names().gateway().runtimeRole(), s.names().gateway().gatewayRole())) {
      Observed o = step.aws(IamActivities.class, "describe IAM role " + role).describeRole(new Lookup(s.scope(), role));
      if (o.exists() && s.scope().ownsDeployment(o.tags())
          && Names.TAG_TOPOLOGY_VALUE.equals(o.tags().get(Names.TAG_TOPOLOGY))) {
        found.add("IAM role " + role);
      }
    }
    refuseIfDeployedWith(s.scope().deployment(), Topology.GATEWAY, found);
  }

  /** What carries this deployment's tag and belongs only to the ecs topology. */
  static List<String> ecsOnly(TaggedResources t) {
    List<String> out = new ArrayList<>();
    t.clusters().forEach(n -> out.add("ECS cluster " + n));
    t.services().stream().map(TaggedService::name).forEach(n -> out.add("ECS Express service " + n));
    t.taskExecutionRoles().forEach(n -> out.add("IAM role " + n));
    t.infrastructureRoles().forEach(n -> out.add("IAM role " + n));
    t.logGroups().forEach(n -> out.add("log group " + n));
    t.tokenVaultProviders().forEach(n -> out.add("Token Vault API-key provider " + n));
    return out;
  }

  /** Throws a non-retryable Conflict when {@code found} (of topology {@code other}) is not empty. */
  static void refuseIfDeployedWith(DeploymentKey key, Topology other, List<String> found) {
    if (found.isEmpty()) {
      return;
    }
    String name = other.name().toLowerCase(Locale.ROOT);
    throw ApplicationFailure.newNonRetryableFailure("deployment " + key.tagValue() + " was deployed with topology "
        + name + ": destroy it first (client destroy --topology " + name + "); it has " + String.join(", ", found),
        FailureTypes.CONFLICT);
  }
}
