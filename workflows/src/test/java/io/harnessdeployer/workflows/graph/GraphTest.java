package io.harnessdeployer.workflows.graph;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph's rules, and the ecs topology's shape. */
class GraphTest {
  static final Scope SCOPE = new Scope(new DeploymentKey("us-east-1", "dev"), "run");

  static Graph ecs() {
    return EcsTopology.graph(Settings.forDeploy(DeployRequest.builder("dev", "us-east-1", null).build(), SCOPE, "t"));
  }

  @Test
  void aNodeMayOnlyNeedNodesDeclaredBeforeIt() {
    Node a = Node.check("a", "A").needs("b").ensure(s -> null);
    Node b = Node.check("b", "B").ensure(s -> null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Graph(List.of(a, b)));
    assertEquals("a needs b, which is not declared before it", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Graph(List.of(b, b)));
  }

  @Test
  void aStepReadsOnlyTheOutputsItDeclares() {
    Node a = Node.check("a", "A").ensure(s -> null);
    Node b = Node.check("b", "B").needs("a").ensure(s -> null);
    Map<String, Object> outputs = Map.of("a", "from a", "c", "from c");
    Step step = Step.ensuring(b, outputs, null);
    assertEquals("from a", step.input("a", String.class));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> step.input("c", String.class));
    assertEquals("b reads c, which it does not declare in needs", e.getMessage());
    assertNotNull(new Graph(List.of(a, b)));
  }

  @Test
  void ecsGraph_independentResourcesNeedOnlyThePreflight() {
    Graph g = ecs();
    for (String id : List.of("infrastructure-role", "cluster", "log-group", "credential-provider", "harness-role", "secret")) {
      assertEquals(List.of("preflight"), g.node(id).needs(), id);
    }
    assertEquals(List.of("secret", "task-execution-role", "infrastructure-role", "cluster", "log-group"),
        g.node("service").needs());
    assertTrue(g.dependsOn("harness", "service"), "the harness points at the service's endpoint");
    assertTrue(g.dependsOn("harness", "health"));
    assertFalse(g.dependsOn("credential-provider", "service"));
    assertEquals(15, g.ensured().size());
  }

  @Test
  void ecsGraph_teardownStartsWithTheHarnessAndTheServiceTogether() {
    Graph g = EcsTopology.graph(Settings.forDestroy(DestroyRequest.builder("dev", "us-east-1").build(), SCOPE));
    assertEquals(List.of("harness", "harness-role", "credential-provider", "service", "task-definitions", "log-group",
        "cluster", "infrastructure-role", "task-execution-role", "secret"),
        g.teardown().stream().map(Node::id).toList());
    assertEquals(List.of(), g.deletedBefore("harness"));
    assertEquals(List.of(), g.deletedBefore("service"), "the service drains while the harness goes");
    assertEquals(List.of("service"), g.deletedBefore("task-definitions"));
    assertEquals(List.of("service"), g.deletedBefore("cluster"));
    assertEquals(List.of("harness"), g.deletedBefore("harness-role"));
    assertEquals(List.of("task-execution-role", "service"), g.deletedBefore("secret"));
  }

  @Test
  void externalMcpUrl_graphHasNoEcsNodes() {
    Graph g = EcsTopology.graph(Settings.forDeploy(DeployRequest.builder("dev", "us-east-1", null)
        .externalMcpUrl("https://mcp.example.com").build(), SCOPE, "t"));
    assertEquals(List.of("preflight", "credential-provider", "harness-role", "harness", "harness-ready"),
        g.ensured().stream().map(Node::id).toList());
  }

  @Test
  void criticalPath_isTheLongestChainOfCosts() {
    Map<String, Duration> realistic = Map.of("service", Duration.ofSeconds(5), "service-active", Duration.ofSeconds(20),
        "service-rollout", Duration.ofSeconds(10), "harness-ready", Duration.ofSeconds(6),
        "credential-provider", Duration.ofSeconds(50));
    Duration path = ecs().criticalPath(n -> realistic.getOrDefault(n.id(), Duration.ZERO));
    assertEquals(Duration.ofSeconds(56), path, "the provider's 50 s is on its own branch, before the harness");
    Map<String, Duration> ecsOnly = Map.of("service", Duration.ofSeconds(5), "service-active", Duration.ofSeconds(20),
        "service-rollout", Duration.ofSeconds(10), "harness-ready", Duration.ofSeconds(6));
    assertEquals(Duration.ofSeconds(41), ecs().criticalPath(n -> ecsOnly.getOrDefault(n.id(), Duration.ZERO)));
  }
}
