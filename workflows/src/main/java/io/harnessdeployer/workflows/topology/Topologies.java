package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import java.util.List;
import java.util.Map;

/** The one place that picks a deployment's graph (and its summary) by its topology. */
public final class Topologies {
  private Topologies() {}

  public static Graph graph(Settings s) {
    return switch (s.topology()) {
      case ECS -> EcsTopology.graph(s);
      case GATEWAY -> GatewayTopology.graph(s);
    };
  }

  public static DeploySummary summary(Settings s, Map<String, Object> out, List<Map.Entry<Node, Ensured>> results) {
    return switch (s.topology()) {
      case ECS -> EcsSummary.of(s, out, results);
      case GATEWAY -> GatewaySummary.of(s, out, results);
    };
  }
}
