package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.topology.DriftDeclarationsTest.graph;
import static io.harnessdeployer.workflows.topology.DriftDeclarationsTest.outputs;
import static io.harnessdeployer.workflows.topology.DriftDeclarationsTest.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.NotRecallable;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.SecretRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each node's recall reads only its own describe and its declared needs, and yields what its ensure outputs. */
class RecallDeclarationsTest {
  /** A describe of every node, as a live deploy's would look. */
  static Map<String, Observed> observedAll(Graph g) {
    Map<String, Observed> out = new HashMap<>();
    for (Node n : g.nodes()) {
      Map<String, Object> p = new HashMap<>(Map.of("name", n.id() + "-live", "arn", "arn:" + n.id()));
      if (n.id().equals(EcsTopology.SECRET)) {
        p.put("keys", List.of(Names.KEY_CLIENT_ID));
      }
      if (n.id().equals(EcsTopology.SERVICE)) {
        p.put("endpoint", "zs-1.example");
      }
      out.put(n.id(), new Observed(true, null, Map.of(), p));
    }
    return out;
  }

  @Test
  void everyRecall_readsOnlyItsOwnDescribeAndItsNeeds() {
    Graph g = graph(request());
    Map<String, Observed> all = observedAll(g);
    List<String> recalled = new java.util.ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.recall() == null || n.id().equals(EcsTopology.PREFLIGHT)) {
        continue; // preflight's recall is an STS call: see DriftCheckWorkflowTest
      }
      // only what it may read: the rest is absent, so a read of it would throw or fail the value checks
      Map<String, Observed> visible = new HashMap<>();
      visible.put(n.id(), all.get(n.id()));
      n.needs().forEach(id -> visible.put(id, all.get(id)));
      Map<String, Object> inputs = new HashMap<>(outputs());
      inputs.keySet().retainAll(n.needs());
      Object out = n.recall().run(Step.recalling(n, inputs, visible));
      assertTrue(out != null, n.id());
      recalled.add(n.id());
    }
    assertEquals(List.of("secret", "task-execution-role", "infrastructure-role", "cluster", "log-group",
        "service-active", "credential-provider", "harness-role"), recalled);
  }

  @Test
  void recalls_yieldWhatTheEnsuresOutput() {
    Graph g = graph(request());
    Map<String, Observed> all = observedAll(g);
    Node secret = g.node(EcsTopology.SECRET);
    SecretRef ref = (SecretRef) secret.recall().run(Step.recalling(secret, Map.of(), all));
    assertEquals(new SecretRef("secret-live", "arn:secret", List.of(Names.KEY_CLIENT_ID), null, false), ref);
    Node role = g.node(EcsTopology.HARNESS_ROLE);
    assertEquals(new ResourceRef("harness-role-live", "arn:harness-role", null),
        role.recall().run(Step.recalling(role, Map.of(), all)));
    Node active = g.node(EcsTopology.SERVICE_ACTIVE);
    assertEquals(new Endpoint("zs-1.example", "https://zs-1.example/mcp"),
        active.recall().run(Step.recalling(active, Map.of(), all)));
  }

  @Test
  void aRecallOfAnUndeclaredNode_isABugInTheGraph() {
    Graph g = graph(request());
    Node role = g.node(EcsTopology.HARNESS_ROLE);
    Step step = Step.recalling(role, outputs(), observedAll(g));
    assertThrows(IllegalStateException.class, () -> step.observed(EcsTopology.SECRET));
    assertThrows(IllegalStateException.class, () -> step.input(EcsTopology.SECRET, SecretRef.class));
    assertEquals("arn:preflight", step.observed(EcsTopology.PREFLIGHT).properties().get("arn"), "a need");
  }

  @Test
  void whatIsLiveWithoutTheOutput_isNotRecallable() {
    Graph g = graph(request());
    Map<String, Observed> all = observedAll(g);
    all.put(EcsTopology.SERVICE, new Observed(true, "ACTIVE", Map.of(), Map.of("name", "s")));
    all.put(EcsTopology.CLUSTER, new Observed(true, "ACTIVE", Map.of(), Map.of()));
    Node active = g.node(EcsTopology.SERVICE_ACTIVE);
    assertEquals("has no public endpoint",
        assertThrows(NotRecallable.class, () -> active.recall().run(Step.recalling(active, Map.of(), all))).getMessage());
    Node cluster = g.node(EcsTopology.CLUSTER);
    assertEquals("shows no ARN",
        assertThrows(NotRecallable.class, () -> cluster.recall().run(Step.recalling(cluster, Map.of(), all))).getMessage());
  }
}
