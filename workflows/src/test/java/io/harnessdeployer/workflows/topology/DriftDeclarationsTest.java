package io.harnessdeployer.workflows.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.HarnessShape;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.harnessdeployer.workflows.steps.SecretRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every resource the ecs graph ensures declares a describe and a desired state; checks declare none. */
class DriftDeclarationsTest {
  static final Scope SCOPE = new Scope(new DeploymentKey("us-east-1", "dev"), "run");
  static final Sealed CREDS = new Sealed("k", "iv", "ct");
  static final ObjectMapper JSON = new ObjectMapper();

  static Graph graph(DeployRequest.Builder b) {
    return EcsTopology.graph(Settings.forDeploy(b.build(), SCOPE, "t"));
  }

  static DeployRequest.Builder request() {
    return DeployRequest.builder("dev", "us-east-1", CREDS);
  }

  /** What each node's ensure would have produced, by node id. */
  static Map<String, Object> outputs() {
    Map<String, Object> out = new HashMap<>();
    out.put(EcsTopology.PREFLIGHT, new CallerIdentity("123456789012", "arn:aws:iam::123456789012:root"));
    out.put(EcsTopology.SECRET, new SecretRef(Names.SECRET_NAME, "arn:s-Ab", List.of(Names.KEY_CLIENT_ID), Outcome.CREATED, false));
    for (String id : List.of(EcsTopology.TASK_EXECUTION_ROLE, EcsTopology.INFRASTRUCTURE_ROLE, EcsTopology.CLUSTER,
        EcsTopology.LOG_GROUP, EcsTopology.PROVIDER, EcsTopology.HARNESS_ROLE)) {
      out.put(id, new ResourceRef(id, "arn:" + id, Outcome.CREATED));
    }
    out.put(EcsTopology.SERVICE_ACTIVE, new Endpoint("zs-1.example", "https://zs-1.example/mcp"));
    return out;
  }

  static void requireDeclarations(Graph g, List<String> expected) {
    List<String> declared = g.nodes().stream().filter(n -> n.describe() != null || n.desired() != null)
        .map(Node::id).toList();
    assertEquals(expected, declared);
    for (Node n : g.nodes()) {
      boolean resource = n.isResource() && n.ensure() != null;
      assertEquals(resource, n.describe() != null, n.id() + " describe");
      assertEquals(resource, n.desired() != null, n.id() + " desired");
    }
  }

  @Test
  void ecsHost_everyEnsuredResourceHasBoth_checksAndTaskDefinitionsNeither() {
    Graph g = graph(request());
    requireDeclarations(g, List.of("secret", "task-execution-role", "infrastructure-role", "cluster", "log-group",
        "service", "credential-provider", "harness-role", "harness"));
    assertNull(g.node(EcsTopology.TASK_DEFINITIONS).describe(), "they come with the service");
  }

  @Test
  void externalMcpUrl_theHarnessSideHasBoth() {
    requireDeclarations(graph(request().externalMcpUrl("https://mcp.example.com")),
        List.of("credential-provider", "harness-role", "harness"));
  }

  @Test
  void destroyOnlyRows_declareNothing() {
    DestroyRequest req = DestroyRequest.builder("dev", "us-east-1").byoSecretId("ops/secret")
        .externalMcpUrl("https://mcp.example.com").build();
    Graph g = EcsTopology.graph(Settings.forDestroy(req, SCOPE));
    assertNull(g.node("byo-secret").desired());
    assertNull(g.node("mcp-server").describe());
  }

  @Test
  void everyDesiredState_isPureJsonLikeData_fromItsNeedsOnly_andSurvivesAPayloadRoundTrip() throws Exception {
    for (SecretMode mode : SecretMode.values()) {
      DeployRequest.Builder b = request().secretMode(mode).containerEnv(Map.of("ZSCALER_MCP_LOG_LEVEL", "INFO"));
      Graph g = graph(mode == SecretMode.BRING_YOUR_OWN ? b.byoSecretId("ops/secret") : b);
      for (Node n : g.nodes()) {
        if (n.desired() == null) {
          continue;
        }
        // Step.ensuring lets a node read only what it declares in needs, as for its ensure
        Map<String, Object> desired = n.desired().run(Step.ensuring(n, outputs(), null));
        assertEquals(desired, n.desired().run(Step.ensuring(n, outputs(), null)), n.id() + " is deterministic");
        assertJsonLike(n.id(), desired);
        Map<String, Object> back = JSON.readValue(JSON.writeValueAsString(desired), new TypeReference<>() {});
        assertEquals(List.of(), Compare.diff(desired, back), n.id());
        assertEquals(desired.keySet(), back.keySet(), n.id() + ": a key declared as not set stays declared");
      }
    }
  }

  @Test
  void desiredStates_carryWhatTheEnsuresWrite() {
    Graph g = graph(request());
    Map<String, Object> service = g.node(EcsTopology.SERVICE).desired().run(Step.ensuring(g.node(EcsTopology.SERVICE), outputs(), null));
    assertEquals("arn:task-execution-role", service.get("executionRoleArn"));
    assertEquals(Map.of(Names.KEY_CLIENT_ID, "arn:s-Ab:" + Names.KEY_CLIENT_ID + "::"), service.get("secrets"));
    Map<?, ?> env = (Map<?, ?>) service.get("environment");
    assertTrue(((String) env.get(Names.ENV_ALLOWED_HOSTS)).startsWith("<endpoint>,"), env.toString());
    Map<String, Object> harness = g.node(EcsTopology.HARNESS).desired().run(Step.ensuring(g.node(EcsTopology.HARNESS), outputs(), null));
    assertEquals("arn:harness-role", harness.get("executionRoleArn"));
    assertEquals(Map.of("modelId", Names.DEFAULT_MODEL_ID, "maxTokens", Names.HARNESS_MAX_TOKENS,
        "temperature", Names.HARNESS_TEMPERATURE), harness.get("model"));
    assertEquals(List.of(Names.HARNESS_SYSTEM_PROMPT), harness.get("systemPrompt"));
    assertEquals(Map.of("url", "https://zs-1.example/mcp",
        "headers", Map.of("Authorization", "${arn:credential-provider}")), harness.get("tool"));
    assertEquals(Map.of("disabled", Map.of()), harness.get("memory"), "memory off, declared explicitly");
    assertEquals(Names.HARNESS_DEFAULT_ALLOWED_TOOLS, harness.get("allowedTools"));
    for (String notSet : List.of("maxIterations", "maxTokens", "timeoutSeconds")) {
      assertTrue(harness.containsKey(notSet) && harness.get(notSet) == null, notSet + " is declared, as not set");
    }
    assertEquals("READY", harness.get("status"));
    Map<?, ?> tags = (Map<?, ?>) harness.get("tags");
    assertEquals(SCOPE.deployment().tagValue(), tags.get(Names.TAG_DEPLOYMENT));
    assertNull(tags.get(Names.TAG_RUN), "which run made it is not desired state");
  }

  @Test
  void plaintext_credentialsAreSealedInTheDesiredEnv() {
    Graph g = graph(request().secretMode(SecretMode.PLAINTEXT));
    Node service = g.node(EcsTopology.SERVICE);
    Map<String, Object> outputs = outputs();
    outputs.put(EcsTopology.SECRET, null);
    Map<?, ?> env = (Map<?, ?>) service.desired().run(Step.ensuring(service, outputs, null)).get("environment");
    assertEquals("<sealed>", env.get(Names.KEY_CLIENT_SECRET));
    assertEquals(Map.of(), service.desired().run(Step.ensuring(service, outputs, null)).get("secrets"));
  }

  /** JSON-like, and null only where the harness declares what we do not set (of HarnessShape.CONFIGURED). */
  static void assertJsonLike(String where, Object v) {
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> {
        assertTrue(k instanceof String, where + ": key " + k);
        if (x == null && where.equals(EcsTopology.HARNESS) && HarnessShape.CONFIGURED.contains(k)) {
          return;
        }
        assertNotNull(x, where + "." + k);
        assertJsonLike(where + "." + k, x);
      });
    } else if (v instanceof List<?> l) {
      l.forEach(x -> assertJsonLike(where + "[]", x));
    } else {
      assertTrue(v instanceof String || v instanceof Number || v instanceof Boolean, where + ": " + v);
    }
  }
}
