package io.harnessdeployer.workflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.Settings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import io.harnessdeployer.workflows.steps.Outcome;
import java.util.Set;

/** The ecs graph's dependencies, for asserting the partial orders a parallel run must keep. */
public final class EcsGraphOrder {
  static final Graph GRAPH = EcsTopology.graph(Settings.forDeploy(DeployTestSupport.request().build(),
      new Scope(DeployTestSupport.request().build().key(), "run"), "token"));

  private EcsGraphOrder() {}

  /** Whether {@code later} needs {@code earlier}, directly or through other nodes. */
  public static boolean dependsOn(String later, String earlier) {
    Deque<String> todo = new ArrayDeque<>(GRAPH.node(later).needs());
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(earlier)) {
        return true;
      }
      if (seen.add(id)) {
        todo.addAll(GRAPH.node(id).needs());
      }
    }
    return false;
  }

  /** Asserts that each call's step runs after the steps it depends on (first calls compared). */
  static void assertDependencyOrder(List<String> stepsInCallOrder, boolean reversed) {
    for (int i = 0; i < stepsInCallOrder.size(); i++) {
      for (int j = i + 1; j < stepsInCallOrder.size(); j++) {
        String first = stepsInCallOrder.get(i);
        String second = stepsInCallOrder.get(j);
        boolean wrong = reversed ? dependsOn(second, first) : dependsOn(first, second);
        assertTrue(!wrong, first + " ran before " + second + " in " + stepsInCallOrder);
      }
    }
  }

  /** The step each delete call of a default-named deployment belongs to. */
  static final Map<String, String> DELETE_STEP = Map.of(
      "deleteSecret:zscaler-mcp-harness/credentials", "secret",
      "deleteRole:zscaler-mcp-ecs-task-execution-role", "task-execution-role",
      "deleteRole:zscaler-mcp-ecs-infrastructure-role", "infrastructure-role",
      "deleteCluster:zscaler-mcp", "cluster",
      "deleteLogGroup:/ecs/zscaler-mcp", "log-group",
      "deleteService:zscaler-mcp-server", "service",
      "deleteTaskDefinitions:zscaler-mcp-zscaler-mcp-server", "service",
      "deleteApiKeyProvider:zscaler-mcp-creds", "credential-provider",
      "deleteRole:zscaler-mcp-harness-execution-role", "harness-role",
      "deleteHarness:zscaler_mcp_harness", "harness");

  /**
   * Asserts a rollback deleted exactly the resources the progress shows this run created, plus
   * those whose call was in flight or failed (their create may have happened), each once,
   * dependents before what they use.
   */
  static void assertUndidWhatItCreated(DeployProgress progress, List<String> deleteCalls, String... inFlight) {
    Set<String> created = new HashSet<>(List.of(inFlight));
    progress.steps().stream().filter(s -> s.outcome() == Outcome.CREATED).forEach(s -> created.add(s.id()));
    assertEquals(deleteCalls.size(), Set.copyOf(deleteCalls).size(), "each delete once: " + deleteCalls);
    List<String> steps = deleteCalls.stream().map(DELETE_STEP::get).distinct().toList();
    assertEquals(created, Set.copyOf(steps), deleteCalls.toString());
    assertDependencyOrder(steps, true);
  }

  static List<String> ensured() {
    return GRAPH.ensured().stream().map(Node::id).toList();
  }
}
