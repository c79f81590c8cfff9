package io.harnessdeployer.activities.testing;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.Settings;
import java.util.List;
import java.util.Map;

/**
 * The ecs graph's own desired state of a node (built outside a workflow: desired is pure), diffed
 * with what the real describe activity saw on the emulator.
 */
public final class Drift {
  private final Graph graph;

  public Drift(DeployRequest request, Scope scope) {
    graph = EcsTopology.graph(Settings.forDeploy(request, scope, "token"));
  }

  /** {@code outputs}: what the node's needs produced, by node id (the ensures' real results). */
  public Map<String, Object> desired(String node, Map<String, Object> outputs) {
    Node n = graph.node(node);
    return n.desired().run(Step.ensuring(n, outputs, null));
  }

  public List<PropertyDiff> diff(String node, Map<String, Object> outputs, Observed seen) {
    return Compare.drift(desired(node, outputs), seen);
  }
}
