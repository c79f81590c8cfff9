package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.Topology;
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

  /**
   * The node whose tags judge whether {@code nodeId} is this deployment's: itself, except for what
   * Cognito and AgentCore cannot tag (a pool's resource server, app client and domain; a gateway's target).
   */
  public static String tagsHeldBy(Topology topology, String nodeId) {
    return topology == Topology.GATEWAY ? GatewayTopology.TAGS_HELD_BY.getOrDefault(nodeId, nodeId) : nodeId;
  }

  public static DeploySummary summary(Settings s, Map<String, Object> out, List<Map.Entry<Node, Ensured>> results) {
    return switch (s.topology()) {
      case ECS -> EcsSummary.of(s, out, results);
      case GATEWAY -> GatewaySummary.of(s, out, results);
    };
  }
}
