package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.topology.DriftDeclarationsTest.CREDS;
import static io.harnessdeployer.workflows.topology.DriftDeclarationsTest.JSON;
import static io.harnessdeployer.workflows.topology.DriftDeclarationsTest.SCOPE;
import static io.harnessdeployer.workflows.topology.DriftDeclarationsTest.requireDeclarations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway graph's shape: what needs what, what destroy deletes before what, and what drift and plan read. */
class GatewayGraphTest {
  static DeployRequest.Builder request() {
    return DeployRequest.builder("dev", "us-east-1", CREDS).topology(Topology.GATEWAY);
  }

  static Graph graph(DeployRequest.Builder b) {
    return Topologies.graph(Settings.forDeploy(b.build(), SCOPE, "t"));
  }

  /** What each node's ensure would have produced, by node id. */
  static Map<String, Object> outputs() {
    Map<String, Object> out = new HashMap<>();
    out.put(GatewayTopology.PREFLIGHT, new CallerIdentity("123456789012", "arn:aws:iam::123456789012:root"));
    out.put(GatewayTopology.SECRET, new SecretRef(Names.SECRET_NAME, "arn:s-Ab", List.of(Names.KEY_CLIENT_ID), Outcome.CREATED, false));
    out.put(GatewayTopology.USER_POOL, new UserPoolRef("us-east-1_P", "arn:pool", "pool", Outcome.CREATED));
    out.put(GatewayTopology.RESOURCE_SERVER, new CognitoRef("us-east-1_P", "zscaler-mcp", Outcome.CREATED));
    out.put(GatewayTopology.APP_CLIENT, new AppClientRef("client-1", "c", null, Outcome.CREATED));
    out.put(GatewayTopology.DOMAIN, new CognitoRef("us-east-1_P", "d", Outcome.CREATED));
    for (String id : List.of(GatewayTopology.OAUTH_PROVIDER, GatewayTopology.RUNTIME_ROLE, GatewayTopology.GATEWAY_ROLE,
        GatewayTopology.HARNESS_ROLE)) {
      out.put(id, new ResourceRef(id, "arn:" + id, Outcome.CREATED));
    }
    out.put(GatewayTopology.RUNTIME, new RuntimeRef("rt-1", "arn:aws:bedrock-agentcore:us-east-1:1:runtime/rt-1", "rt",
        Names.runtimeMcpUrl("arn:aws:bedrock-agentcore:us-east-1:1:runtime/rt-1"), Outcome.CREATED, List.of()));
    out.put(GatewayTopology.GATEWAY, new GatewayRef("gw-1", "arn:gateway", "https://gw-1/mcp", "gw", Outcome.CREATED));
    out.put(GatewayTopology.GATEWAY_TARGET, new GatewayTargetRef("gw-1", "t-1", "t", Outcome.CREATED));
    return out;
  }

  @Test
  void needs_areTheTrueDependencies_soIndependentOnesRunAtOnce() {
    Graph g = graph(request());
    for (String id : List.of("secret", "user-pool", "harness-role")) {
      assertEquals(List.of("preflight"), g.node(id).needs(), id);
    }
    assertTrue(g.dependsOn("runtime", "secret"), "ZSCALER_SECRET_NAME and the role's policy");
    assertTrue(g.dependsOn("gateway-role", "runtime"), "its policy names the Runtime's ARN");
    assertTrue(g.dependsOn("gateway-target", "runtime-ready") && g.dependsOn("gateway-target", "gateway-ready"));
    assertTrue(g.dependsOn("gateway-target", "domain"), "its creation fetches a token from the domain");
    assertTrue(g.dependsOn("harness", "gateway-target-ready"));
    assertFalse(g.dependsOn("harness-role", "user-pool"));
    assertFalse(g.dependsOn("oauth-provider", "runtime"));
    assertFalse(g.dependsOn("domain", "app-client"));
    assertEquals(List.of("preflight", "secret", "user-pool", "resource-server", "app-client", "domain", "oauth-provider",
        "runtime-role", "runtime", "runtime-ready", "gateway-role", "gateway", "gateway-ready", "gateway-target",
        "gateway-target-ready", "harness-role", "harness", "harness-ready"), g.ensured().stream().map(Node::id).toList());
  }

  /** Spec §7.3's order where it is a dependency; what is independent goes at once. */
  @Test
  void destroy_deletesWhatUsesAResourceBeforeIt_asSpec73() {
    Graph g = Topologies.graph(Settings.forDestroy(DestroyRequest.builder("dev", "us-east-1")
        .topology(Topology.GATEWAY).build(), SCOPE));
    assertEquals(List.of(), g.deletedBefore("harness"));
    assertEquals(List.of("harness"), g.deletedBefore("harness-role"));
    assertEquals(List.of("harness"), g.deletedBefore("gateway-target"));
    assertEquals(List.of("gateway-target", "harness"), g.deletedBefore("gateway"));
    assertEquals(List.of("gateway"), g.deletedBefore("gateway-role"));
    assertEquals(List.of("gateway-target", "harness"), g.deletedBefore("oauth-provider"));
    assertEquals(List.of("gateway-role", "gateway-target"), g.deletedBefore("runtime"));
    assertEquals(List.of("runtime"), g.deletedBefore("runtime-role"));
    assertEquals(List.of("gateway-target"), g.deletedBefore("domain"));
    assertEquals(List.of("resource-server", "app-client", "domain", "oauth-provider", "runtime", "gateway"),
        g.deletedBefore("user-pool"));
    assertEquals(List.of("runtime-role", "runtime"), g.deletedBefore("secret"), "the secret goes last (§6.5)");
    assertEquals("--keep-cognito", g.node("user-pool").keptBy());
    assertEquals("--keep-cognito", g.node("domain").keptBy());
    assertEquals(null, g.node("oauth-provider").keptBy(), "--keep-cognito keeps Cognito only");
    assertEquals("--keep-role", g.node("gateway-role").keptBy());
  }

  @Test
  void theGraphReadsInOneScreen() throws Exception {
    Path source = Path.of("src/main/java/io/harnessdeployer/workflows/topology/GatewayTopology.java");
    List<String> lines = Files.readAllLines(source);
    int start = lines.indexOf(lines.stream().filter(l -> l.contains("public static Graph graph(")).findFirst().orElseThrow());
    int end = lines.subList(start, lines.size()).indexOf("  }") + start;
    assertTrue(end - start <= 80, "graph() is " + (end - start) + " lines: the declaration, nothing else");
  }

  @Test
  void everyEnsuredResourceHasADescribeAndADesiredState_checksNeither() {
    requireDeclarations(graph(request()), List.of("secret", "user-pool", "resource-server", "app-client", "domain",
        "oauth-provider", "runtime-role", "runtime", "gateway-role", "gateway", "gateway-target", "harness-role", "harness"));
  }

  /** Step.ensuring lets a desired state read only its needs, as the ensure does: an undeclared read throws. */
  @Test
  void everyDesiredState_isPureJsonLikeData_fromItsNeedsOnly() throws Exception {
    for (SecretMode mode : SecretMode.values()) {
      DeployRequest.Builder b = request().secretMode(mode).containerEnv(Map.of("ZSCALER_MCP_LOG_LEVEL", "INFO"));
      Graph g = graph(mode == SecretMode.BRING_YOUR_OWN ? b.byoSecretId("ops/secret") : b);
      for (Node n : g.nodes()) {
        if (n.desired() == null) {
          continue;
        }
        Map<String, Object> desired = n.desired().run(Step.ensuring(n, outputs(), null));
        assertEquals(desired, n.desired().run(Step.ensuring(n, outputs(), null)), n.id() + " is deterministic");
        if (!n.id().equals("harness")) {
          DriftDeclarationsTest.assertJsonLike(n.id(), desired);
        }
        Map<String, Object> back = JSON.readValue(JSON.writeValueAsString(desired), new TypeReference<>() {});
        assertEquals(List.of(), Compare.diff(desired, back), n.id());
      }
    }
  }

  @Test
  void theRuntimesDesiredEnv_holdsNoCredential_inAnyMode() {
    for (SecretMode mode : List.of(SecretMode.MANAGED, SecretMode.PLAINTEXT)) {
      Graph g = graph(request().secretMode(mode));
      Node runtime = g.node(GatewayTopology.RUNTIME);
      Map<String, Object> out = outputs();
      if (mode == SecretMode.PLAINTEXT) {
        out.put(GatewayTopology.SECRET, null);
      }
      Map<?, ?> env = (Map<?, ?>) runtime.desired().run(Step.ensuring(runtime, out, null)).get("environment");
      // plaintext: the activity adds them from the sealed payload, and the describe shows them sealed
      Names.CREDENTIAL_KEYS.forEach(k -> assertTrue(!env.containsKey(k) || ContainerEnv.SEALED.equals(env.get(k)), k + ": " + env));
      assertEquals(mode == SecretMode.MANAGED ? Names.SECRET_NAME : null, env.get(Names.KEY_SECRET_NAME));
    }
  }

  /** Each recall reads only its own describe and its needs, and yields what its ensure outputs. */
  @Test
  void recalls_readOnlyWhatTheyDeclare() {
    Graph g = graph(request());
    Map<String, Observed> all = new HashMap<>();
    for (Node n : g.nodes()) {
      Map<String, Object> p = new HashMap<>(Map.of("name", n.id() + "-live", "arn", "arn:" + n.id(), "id", n.id() + "-id",
          "clientId", "client-1", "keys", List.of(Names.KEY_CLIENT_ID)));
      all.put(n.id(), new Observed(true, null, Map.of(), p));
    }
    List<String> recalled = new java.util.ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.recall() == null || n.id().equals(GatewayTopology.PREFLIGHT)) {
        continue;
      }
      Map<String, Observed> visible = new HashMap<>();
      visible.put(n.id(), all.get(n.id()));
      n.needs().forEach(id -> visible.put(id, all.get(id)));
      Map<String, Object> inputs = new HashMap<>(outputs());
      inputs.keySet().retainAll(n.needs());
      assertNotNull(n.recall().run(Step.recalling(n, inputs, visible)), n.id());
      recalled.add(n.id());
    }
    assertEquals(List.of("secret", "user-pool", "resource-server", "app-client", "oauth-provider", "runtime-role",
        "runtime", "gateway-role", "gateway", "harness-role"), recalled);
    Node runtime = g.node(GatewayTopology.RUNTIME);
    RuntimeRef ref = (RuntimeRef) runtime.recall().run(Step.recalling(runtime, Map.of(), all));
    assertEquals(Names.runtimeMcpUrl("arn:runtime"), ref.mcpUrl(), "the target's endpoint, as the ensure gives it");
  }
}
