package io.harnessdeployer.workflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.harnessdeployer.workflows.destroy.DestroyWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway topology's destroy on FakeAws: spec §7.3's order, the keep flags, the report. */
class GatewayDestroyWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension ext = extension();

  static final List<String> COGNITO = List.of("user-pool", "resource-server", "app-client", "domain");
  static final List<String> ROLES = List.of("runtime-role", "gateway-role", "harness-role");

  private final FakeAws aws = new FakeAws();
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  private DestroyReport destroy(DestroyRequest.Builder b) {
    DestroyRequest req = b.topology(Topology.GATEWAY).build();
    return client.newWorkflowStub(DestroyWorkflow.class, WorkflowOptions.newBuilder(options)
        .setWorkflowId("destroy-" + req.key().workflowId()).build()).destroy(req);
  }

  @Test
  void destroy_deletesEveryResource_whatUsesOneBeforeIt() {
    DestroyReport report = destroy(DestroyRequest.builder("dev", "us-east-1"));
    assertEquals(DestroyStatus.DESTROYED, report.status(), report.toString());
    List<String> order = new ArrayList<>();
    for (String call : aws.callsStartingWith("delete")) {
      String step = GatewayDeployWorkflowTest.UNDO.entrySet().stream().filter(e -> e.getValue().contains(call))
          .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("unexpected " + call));
      order.add(step);
    }
    assertEquals(13, order.size(), order.toString());
    assertEquals(order.size(), java.util.Set.copyOf(order).size(), "each once: " + order);
    GatewayDeployWorkflowTest.assertDependencyOrder(order, true);
    assertEquals("harness", order.get(0));
    assertTrue(order.indexOf("secret") > Math.max(order.indexOf("runtime"), order.indexOf("runtime-role")),
        "the secret after what reads it (§6.5 runs it last; the pool is independent of it here)");
    assertTrue(order.indexOf("domain") < order.indexOf("user-pool"), "the domain before its pool");
    report.resources().forEach(r -> assertEquals(DestroyOutcome.DELETED, r.outcome(), r.toString()));
  }

  @Test
  void keepCognito_keepsThePoolAndItsParts_keepRole_theThreeRoles() {
    DestroyReport report = destroy(DestroyRequest.builder("dev", "us-east-1").keepCognito(true).keepRole(true));
    assertEquals(DestroyStatus.DESTROYED, report.status());
    List<String> kept = new ArrayList<>(COGNITO);
    kept.addAll(ROLES);
    for (String id : kept) {
      assertEquals(DestroyOutcome.KEPT_BY_FLAG, report.of(id).outcome(), id);
    }
    List<String> deletes = aws.callsStartingWith("delete");
    assertTrue(deletes.stream().noneMatch(c -> c.startsWith("deleteUserPool") || c.startsWith("deleteDomain")
        || c.startsWith("deleteAppClient") || c.startsWith("deleteResourceServer") || c.startsWith("deleteRole")), deletes.toString());
    assertEquals(java.util.Set.of("deleteHarness:zscaler_mcp_harness", "deleteGatewayTarget:zscaler-mcp-runtime",
        "deleteGateway:zscaler-mcp-gateway", "deleteOauth2Provider:zscaler-mcp-cognito-oauth",
        "deleteRuntime:zscaler_mcp_runtime", "deleteSecret:zscaler-mcp-harness/credentials"), java.util.Set.copyOf(deletes));
    assertEquals(6, deletes.size(), deletes.toString());
  }

  @Test
  void aDeploymentsOwnNames_areTheOnesDeleted_afterTheLookupByTag() {
    ResourceNames names = ResourceNames.forDeployment(new io.harnessdeployer.workflows.common.DeploymentKey("us-east-1", "team-a"));
    DestroyReport report = destroy(DestroyRequest.builder("team-a", "us-east-1").names(names));
    assertEquals(DestroyStatus.DESTROYED, report.status());
    List<String> deletes = aws.callsStartingWith("delete");
    for (String name : List.of(names.gateway().runtime(), names.gateway().gateway(), names.gateway().userPool(),
        names.gateway().oauthProvider(), names.gateway().runtimeRole(), names.gateway().gatewayRole())) {
      assertTrue(deletes.stream().anyMatch(c -> c.endsWith(":" + name)), name + " in " + deletes);
    }
  }

  private static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder b = TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
            .setFailWorkflowExceptionTypes(NullPointerException.class, IllegalStateException.class,
                IllegalArgumentException.class, ClassCastException.class).build(),
            DestroyWorkflowImpl.class)
        .setDoNotStart(true);
    SearchAttributes.ALL.forEach(k -> b.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return b.build();
  }
}
