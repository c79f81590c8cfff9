package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.FakeCloud.Fault;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deploy and a destroy of one deployment never overlap; bad input touches nothing. */
class DestroyGuardsTest {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

  private final FakeCloud cloud = new FakeCloud();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(cloud.all());
    env.start();
    this.env = env;
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  @Test
  void destroyWhileTheDeployRuns_isRejectedByTheSharedWorkflowId() {
    cloud.fault("awaitHealthy:health", new Fault(FailureTypes.UNHEALTHY, false, 1));
    DeployWorkflow deploy = client.newWorkflowStub(DeployWorkflow.class,
        options(options, deployRequest().build().key().workflowId()));
    WorkflowClient.start(deploy::deploy, deployRequest().build());
    awaitDeploy(env, deploy, DeployStatus.PAUSED);

    DestroyRequest req = destroyRequest().build();
    DestroyWorkflow destroy = destroyStub(client, options, req);
    assertThrows(WorkflowExecutionAlreadyStarted.class, () -> WorkflowClient.start(destroy::destroy, req));
    assertEquals(List.of(), cloud.deleteCalls());

    deploy.decide(OperatorDecision.ABANDON);
    assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(deploy).getResult(DeploySummary.class));
    assertEquals(DestroyStatus.DESTROYED, destroy(client, options, req).status());
    assertEquals(List.of(), cloud.resources());
  }

  @Test
  void invalidRequests_failAsValidationBeforeAnyAwsCall() {
    List<DestroyRequest> bad = List.of(
        destroyRequest().keepSecret(true).forceSecretDelete(true).build(),
        destroyRequest().topology(Topology.GATEWAY).names(ResourceNames.defaults().withGateway(new GatewayNames(
            " ", "r", "g", "t", "gr", "o", "p", "rs", "s", "c", "d"))).build(),
        DestroyRequest.builder("not a name", "us-east-1").build(),
        DestroyRequest.builder("dev", "moon-1").build(),
        destroyRequest().names(ResourceNames.defaults().withCluster(" ")).build());
    int n = 0;
    for (DestroyRequest req : bad) {
      DestroyWorkflow wf = client.newWorkflowStub(DestroyWorkflow.class,
          WorkflowOptions.newBuilder(options).setWorkflowId("bad-" + n++).build());
      WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.destroy(req));
      assertEquals(FailureTypes.VALIDATION, ((ApplicationFailure) e.getCause()).getType(), req.toString());
    }
    assertEquals(List.of(), cloud.calls());
  }

  @Test
  void handWrittenStart_withoutNamesOrTopology_usesTheSpecDefaults() {
    deploy(client, options, deployRequest().build());
    DestroyRequest bare = new DestroyRequest("dev", "us-east-1", null, null, null, null,
        false, false, false, false, null, null, false);

    DestroyReport report = destroy(client, options, bare);

    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertEquals("zscaler-mcp", report.of("cluster").name());
    assertEquals(List.of(), cloud.resources());
  }
}
