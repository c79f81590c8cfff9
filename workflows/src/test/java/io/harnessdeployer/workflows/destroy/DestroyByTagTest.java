package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.TaggedResources;
import io.harnessdeployer.workflows.steps.TaggedService;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Destroy given other names than the deploy used finds the deployment's resources by its tag. */
class DestroyByTagTest {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

  private static final ResourceNames DEPLOYED = ResourceNames.forDeployment(new DeploymentKey("us-east-1", "dev"));

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
  void givenTheDefaultNames_deletesWhatTheDeploymentOwnsUnderItsOwnNames_andSaysSo() {
    deploy(client, options, deployRequest().names(DEPLOYED).build());
    assertEquals(11, cloud.resources().size(), cloud.resources().toString());

    DestroyReport report = destroy(client, options, destroyRequest().names(ResourceNames.defaults()).build());

    assertEquals(List.of(), cloud.resources(), "every resource of the deployment is gone");
    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertTrue(report.resources().stream().allMatch(r -> r.outcome() == DestroyOutcome.DELETED), report.toString());
    assertEquals(DEPLOYED.harness(), report.of("harness").name());
    assertEquals(DEPLOYED.harnessRole(), report.of("harness-role").name());
    assertEquals(DEPLOYED.apiKeyProvider(), report.of("credential-provider").name());
    assertEquals(DEPLOYED.service(), report.of("service").name());
    assertEquals(DEPLOYED.cluster(), report.of("cluster").name());
    assertEquals(DEPLOYED.logGroup(), report.of("log-group").name());
    assertEquals(DEPLOYED.taskExecutionRole(), report.of("task-execution-role").name());
    assertEquals(DEPLOYED.infrastructureRole(), report.of("infrastructure-role").name());
    assertEquals(DEPLOYED.secret(), report.of("secret").name());
    assertTrue(report.notes().contains("ECS cluster " + DEPLOYED.cluster()
        + " found by this deployment's tag (given name zscaler-mcp)"), report.notes().toString());
    assertEquals(9, report.notes().stream().filter(n -> n.contains("found by this deployment's tag")).count(),
        report.notes().toString());
    assertTrue(cloud.deleteCalls().stream().noneMatch(c -> c.contains("zscaler-mcp-server")
        && !c.contains(DEPLOYED.service())), "nothing is asked for by the given names: " + cloud.deleteCalls());
  }

  @Test
  void aGivenNameOfAnotherDeployment_isLeftAlone_andTheTaggedOneDeleted() {
    Scope other = new Scope(new DeploymentKey("us-east-1", "other"), "run-other");
    cloud.taggedBy(other, "log-group", "/ecs/shared");
    deploy(client, options, deployRequest().names(DEPLOYED).build());

    DestroyReport report = destroy(client, options, destroyRequest()
        .names(new ResourceNames(DEPLOYED.harness(), DEPLOYED.harnessRole(), DEPLOYED.apiKeyProvider(),
            DEPLOYED.cluster(), DEPLOYED.service(), DEPLOYED.taskExecutionRole(), DEPLOYED.infrastructureRole(),
            "/ecs/shared", DEPLOYED.secret()))
        .build());

    assertEquals(DEPLOYED.logGroup(), report.of("log-group").name());
    assertEquals(DestroyOutcome.DELETED, report.of("log-group").outcome());
    assertEquals(List.of("log-group//ecs/shared"), cloud.resources(), "the other deployment's log group stays");
  }

  @Test
  void nothingTagged_keepsTheGivenNames_andReportsWhatIsReallyGone() {
    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(ResourceNames.defaults().cluster(), report.of("cluster").name());
    assertTrue(report.resources().stream().allMatch(r -> r.outcome() == DestroyOutcome.ALREADY_GONE));
    assertTrue(report.notes().stream().noneMatch(n -> n.contains("tag")), report.notes().toString());
  }

  @Test
  void aLookupThatFailsForGood_destroysByTheGivenNames_andSaysSo() {
    cloud.fault("findTagged:us-east-1/dev", new FakeCloud.Fault(FailureTypes.ACCESS_DENIED, false, -1));
    deploy(client, options, deployRequest().build());

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(List.of(), cloud.resources());
    assertTrue(report.notes().get(0).startsWith("could not look for resources by this deployment's tag"),
        report.notes().toString());
  }

  @Test
  void choose_movesTheClusterToTheTaggedServicesWhenNoClusterIsTagged() {
    TaggedResources tagged = new TaggedResources(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(new TaggedService("platform", "zscaler-mcp-dev-server")), List.of(), List.of());

    TaggedNames.Choice c = TaggedNames.choose(ResourceNames.defaults(), tagged);

    assertEquals("platform", c.names().cluster());
    assertEquals("zscaler-mcp-dev-server", c.names().service());
    assertEquals(ResourceNames.defaults().harness(), c.names().harness());
  }

  @Test
  void choose_namesWhatElseCarriesTheTag() {
    TaggedResources tagged = new TaggedResources(List.of("a-role", "b-role"), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of());

    TaggedNames.Choice c = TaggedNames.choose(ResourceNames.defaults(), tagged);

    assertEquals("a-role", c.names().harnessRole());
    assertTrue(c.notes().contains("also tagged for this deployment, not deleted by this run: harness role b-role"),
        c.notes().toString());
  }

  @Test
  void choose_theGatewayTopologysRolesAreNotTakenForOtherHarnessRoles() {
    ResourceNames given = ResourceNames.defaults();
    TaggedResources tagged = new TaggedResources(List.of(given.harnessRole(), given.gateway().runtimeRole(),
        given.gateway().gatewayRole()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    TaggedNames.Choice c = TaggedNames.choose(given, tagged);

    assertEquals(given.harnessRole(), c.names().harnessRole());
    assertEquals(List.of(), c.notes(), "the gateway roles are deleted under their own names, not left behind");
  }
}
