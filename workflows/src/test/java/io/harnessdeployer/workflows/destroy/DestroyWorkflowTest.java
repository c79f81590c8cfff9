package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyOutcome.*;
import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.SecretDelete;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.harnessdeployer.workflows.steps.ServiceDelete;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Destroy after a deploy: order, ownership, the second run, the secret's recovery window. */
class DestroyWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

  /** Destroy's steps in report order (the graph's, reversed), with the calls each makes after a full deploy. */
  static final Map<String, List<String>> CALLS = new LinkedHashMap<>();

  static {
    CALLS.put("harness", List.of("deleteHarness:zscaler_mcp_harness",
        "awaitHarnessGone:zscaler_mcp_harness-AbCdE12345"));
    CALLS.put("harness-role", List.of("deleteRole:zscaler-mcp-harness-execution-role"));
    CALLS.put("credential-provider", List.of("deleteApiKeyProvider:zscaler-mcp-creds"));
    CALLS.put("service", List.of("deleteService:zscaler-mcp-server",
        "awaitServiceGone:" + FakeCloud.serviceArn("zscaler-mcp", "zscaler-mcp-server")));
    CALLS.put("task-definitions", List.of("deleteTaskDefinitions:zscaler-mcp-zscaler-mcp-server"));
    CALLS.put("log-group", List.of("deleteLogGroup:/ecs/zscaler-mcp"));
    CALLS.put("cluster", List.of("deleteCluster:zscaler-mcp"));
    CALLS.put("infrastructure-role", List.of("deleteRole:zscaler-mcp-ecs-infrastructure-role"));
    CALLS.put("task-execution-role", List.of("deleteRole:zscaler-mcp-ecs-task-execution-role"));
    CALLS.put("secret", List.of("deleteSecret:zscaler-mcp-harness/credentials"));
  }

  private final FakeCloud cloud = new FakeCloud();
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(cloud.all());
    env.start();
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  @Test
  void fullDestroyAfterFullDeploy_deletesEverythingInReverseOrder_wholeDeploymentMode() {
    deploy(client, options, deployRequest().build());
    assertEquals(11, cloud.resources().size(), cloud.resources().toString());
    int deployCalls = cloud.calls().size();

    DestroyReport report = destroy(client, options, destroyRequest().build());

    List<String> destroyCalls = cloud.calls().subList(deployCalls, cloud.calls().size());
    // destroy-by-tag: the read-only lookup of the deployment's tagged resources comes first
    assertEquals("findTagged:us-east-1/dev", destroyCalls.get(0));
    destroyCalls = destroyCalls.subList(1, destroyCalls.size());
    assertEquals(Set.copyOf(CALLS.values().stream().flatMap(List::stream).toList()), Set.copyOf(destroyCalls));
    assertEquals(12, destroyCalls.size(), destroyCalls.toString());
    assertTeardownOrder(destroyCalls);
    assertEquals(List.of(), cloud.resources(), "nothing of ours is left");
    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertEquals("us-east-1/dev", report.deployment());
    assertFalse(report.hasFailures());
    assertEquals(List.copyOf(CALLS.keySet()), report.resources().stream().map(ResourceReport::step).toList());
    assertTrue(report.resources().stream().allMatch(r -> r.outcome() == DELETED), report.toString());
    assertEquals("2 deregistered, 2 deleted", report.of("task-definitions").detail());
    assertEquals(List.of(), report.notes());

    List<DeleteMode> modes = cloud.inputs().stream().map(DestroyWorkflowTest::modeOf)
        .filter(m -> m != null).toList();
    assertEquals(9, modes.size());
    assertTrue(modes.stream().allMatch(m -> m == DeleteMode.DEPLOYMENT), modes.toString());
  }

  /**
   * Each step's calls run in order, and a delete starts only after the deletes of what uses it:
   * the harness and the service first (at once), the roles the harness used after it, what the
   * service used after the service.
   */
  static void assertTeardownOrder(List<String> calls) {
    Graph graph = EcsTopology.graph(Settings.forDestroy(destroyRequest().build(),
        new Scope(new DeploymentKey("us-east-1", "dev"), "r")));
    for (Map.Entry<String, List<String>> step : CALLS.entrySet()) {
      List<Integer> at = step.getValue().stream().map(calls::indexOf).toList();
      assertEquals(at.stream().sorted().toList(), at, step.getKey() + " calls in order: " + calls);
      for (String before : graph.deletedBefore(step.getKey())) {
        int lastOfBefore = CALLS.get(before).stream().mapToInt(calls::lastIndexOf).max().orElseThrow();
        assertTrue(lastOfBefore < at.get(0), before + " must be gone before " + step.getKey() + ": " + calls);
      }
    }
    assertTrue(calls.indexOf("deleteService:zscaler-mcp-server") < calls.indexOf("awaitHarnessGone:zscaler_mcp_harness-AbCdE12345"),
        "the service delete does not wait for the harness: " + calls);
  }

  @Test
  void destroyTwice_secondRunIsANoOpAndSucceeds() {
    deploy(client, options, deployRequest().build());
    destroy(client, options, destroyRequest().build());
    int before = cloud.calls().size();

    DestroyReport again = destroy(client, options, destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, again.status());
    assertTrue(again.resources().stream().allMatch(r -> r.outcome() == ALREADY_GONE), again.toString());
    List<String> calls = cloud.calls().subList(before, cloud.calls().size());
    assertTrue(calls.stream().noneMatch(c -> c.startsWith("await")), "nothing deleted, nothing to wait for");
    assertEquals("findTagged:us-east-1/dev", calls.get(0), "the tag lookup first, then one delete per resource");
    assertEquals(11, calls.size(), calls.toString());
  }

  @Test
  void withoutAnyDeployHistory_findsResourcesByNameAndDeploymentTag() {
    // an earlier deploy (another run, its history gone) left these; destroy never saw it
    Scope earlier = new Scope(new DeploymentKey("us-east-1", "dev"), "run-long-gone");
    cloud.taggedBy(earlier, "harness", "zscaler_mcp_harness");
    cloud.taggedBy(earlier, "iam-role", "zscaler-mcp-harness-execution-role");
    cloud.taggedBy(earlier, "ecs-cluster", "zscaler-mcp");
    cloud.taggedBy(earlier, "secret", "zscaler-mcp-harness/credentials");
    // another deployment's role with our default name is not ours
    cloud.taggedBy(new Scope(new DeploymentKey("us-east-1", "prod"), "r"), "iam-role",
        "zscaler-mcp-ecs-infrastructure-role");

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, report.status());
    for (String step : List.of("harness", "harness-role", "cluster", "secret")) {
      assertEquals(DELETED, report.of(step).outcome(), step);
    }
    assertEquals(KEPT_NOT_OURS, report.of("infrastructure-role").outcome());
    for (String step : List.of("credential-provider", "service", "task-definitions", "log-group",
        "task-execution-role")) {
      assertEquals(ALREADY_GONE, report.of(step).outcome(), step);
    }
    assertEquals(List.of("iam-role/zscaler-mcp-ecs-infrastructure-role"), cloud.resources());
  }

  @Test
  void secret_defaultsToTheSevenDayRecoveryWindow() {
    deploy(client, options, deployRequest().build());
    DestroyReport report = destroy(client, options, destroyRequest().build());

    SecretDelete delete = secretDelete();
    assertFalse(delete.forceWithoutRecovery());
    assertEquals(List.of("zscaler-mcp-harness/credentials"), cloud.softDeletedSecrets());
    assertTrue(report.of("secret").detail().startsWith("scheduled for deletion in 7 days"),
        report.of("secret").detail());
  }

  @Test
  void secret_forceSecretDelete_deletesWithoutRecovery() {
    deploy(client, options, deployRequest().build());
    DestroyReport report = destroy(client, options, destroyRequest().forceSecretDelete(true).build());

    assertTrue(secretDelete().forceWithoutRecovery());
    assertEquals(List.of(), cloud.softDeletedSecrets());
    assertEquals(DELETED, report.of("secret").outcome());
    assertEquals("deleted without recovery", report.of("secret").detail());
  }

  @Test
  void preExistingClusterAndBringYourOwnSecret_areKeptAsNotOurs() {
    cloud.preExisting("ecs-cluster", "zscaler-mcp");
    cloud.preExisting("secret", "team/zscaler");
    deploy(client, options, deployRequest().secretMode(SecretMode.BRING_YOUR_OWN)
        .byoSecretId("team/zscaler").build());

    DestroyReport report = destroy(client, options, destroyRequest().byoSecretId("team/zscaler").build());

    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertEquals(KEPT_NOT_OURS, report.of("cluster").outcome());
    assertEquals(KEPT_NOT_OURS, report.of("byo-secret").outcome());
    assertEquals("team/zscaler", report.of("byo-secret").name());
    assertEquals(ALREADY_GONE, report.of("secret").outcome(), "no managed secret was ever made");
    assertEquals(List.of("ecs-cluster/zscaler-mcp", "secret/team/zscaler"), cloud.resources());
    assertTrue(cloud.callsStartingWith("deleteSecret:team/zscaler").isEmpty(), "never even asked");
  }

  @Test
  void byoSecretUnderTheManagedName_isNeverAskedToBeDeleted() {
    cloud.preExisting("secret", "zscaler-mcp-harness/credentials");
    DestroyReport report = destroy(client, options,
        destroyRequest().byoSecretId("zscaler-mcp-harness/credentials").build());

    assertEquals(KEPT_NOT_OURS, report.of("secret").outcome());
    assertTrue(report.resources().stream().noneMatch(r -> r.step().equals("byo-secret")));
    assertTrue(cloud.callsStartingWith("deleteSecret").isEmpty());
    assertEquals(List.of("secret/zscaler-mcp-harness/credentials"), cloud.resources());
  }

  @Test
  void externalMcpUrl_isReportedKeptAndTheEcsStepsFindNothing() {
    cloud.preExisting("ecs-cluster", "zscaler-mcp");
    deploy(client, options, deployRequest().externalMcpUrl("https://mcp.example.com").build());

    DestroyReport report = destroy(client, options,
        destroyRequest().externalMcpUrl("https://mcp.example.com").build());

    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertEquals(KEPT_NOT_OURS, report.of("mcp-server").outcome());
    assertEquals("https://mcp.example.com", report.of("mcp-server").name());
    for (String step : List.of("harness", "credential-provider", "harness-role")) {
      assertEquals(DELETED, report.of(step).outcome(), step);
    }
    for (String step : List.of("service", "task-definitions", "log-group", "task-execution-role",
        "infrastructure-role", "secret")) {
      assertEquals(ALREADY_GONE, report.of(step).outcome(), step);
    }
    assertEquals(KEPT_NOT_OURS, report.of("cluster").outcome());
    assertEquals(List.of("ecs-cluster/zscaler-mcp"), cloud.resources());
  }

  private SecretDelete secretDelete() {
    return cloud.inputs().stream().filter(SecretDelete.class::isInstance).map(SecretDelete.class::cast)
        .reduce((a, b) -> b).orElseThrow();
  }

  private static DeleteMode modeOf(Object input) {
    if (input instanceof ResourceDelete d) return d.mode();
    if (input instanceof ServiceDelete d) return d.mode();
    if (input instanceof SecretDelete d) return d.mode();
    return null;
  }
}
