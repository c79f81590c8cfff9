package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyOutcome.*;
import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.destroy.FakeCloud.Fault;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A delete that keeps failing never stops the others; the report names it. */
class DestroyFailureTest {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

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

  static Stream<String> steps() {
    return DestroyWorkflowTest.CALLS.keySet().stream();
  }

  @ParameterizedTest(name = "persistent AccessDenied at {0}")
  @MethodSource("steps")
  void persistentFailureOnOneResource_theRestIsStillDeleted(String failing) {
    deploy(client, options, deployRequest().build());
    String call = DestroyWorkflowTest.CALLS.get(failing).get(0);
    cloud.fault(call, new Fault(FailureTypes.ACCESS_DENIED, false, -1));
    DestroyRequest req = destroyRequest().build();
    DestroyWorkflow wf = destroyStub(client, options, req);

    DestroyReport report = wf.destroy(req);

    // a service that may still exist: whose task definitions these are is unknown, the cluster stays
    // busy, and its infrastructure role must stay until ECS has removed its load balancer
    Set<String> failed = failing.equals("service")
        ? Set.of("service", "task-definitions", "cluster", "infrastructure-role")
        : Set.of(failing);
    assertEquals(DestroyStatus.DESTROY_FAILED, report.status());
    assertTrue(report.hasFailures());
    for (ResourceReport r : report.resources()) {
      assertEquals(failed.contains(r.step()) ? FAILED : DELETED, r.outcome(), r.step());
    }
    assertEquals("AccessDenied: injected AccessDenied at " + call, report.of(failing).detail());
    assertEquals(failed.size(), report.failures().size());
    assertEquals(failing + ": AccessDenied: injected AccessDenied at " + call, wf.progress().failures().get(0));
    assertEquals(StepStatus.FAILED, wf.progress().steps().stream()
        .filter(s -> s.id().equals(failing)).findFirst().orElseThrow().status());
    assertEquals("DESTROY_FAILED", WorkflowStub.fromTyped(wf).describe().getTypedSearchAttributes()
        .get(SearchAttributes.STATUS));
    if (failing.equals("service")) {
      assertTrue(report.of("task-definitions").detail().startsWith("not attempted"), report.toString());
      // cluster-after-failed-service=1: ECS keeps a cluster with a service, so no retries that can only run out
      assertTrue(report.of("cluster").detail().startsWith("not attempted: the delete of service zscaler-mcp-server"
          + " failed") && report.of("cluster").detail().contains("aws ecs list-services --cluster zscaler-mcp"),
          report.of("cluster").detail());
      assertTrue(cloud.callsStartingWith("deleteCluster").isEmpty());
      assertTrue(report.of("infrastructure-role").detail().startsWith("not attempted: the service delete failed"),
          report.of("infrastructure-role").detail());
      assertTrue(cloud.callsStartingWith("deleteTaskDefinitions").isEmpty());
      assertTrue(cloud.callsStartingWith("deleteRole:zscaler-mcp-ecs-infrastructure-role").isEmpty());
    }
  }

  @Test
  void retryableFailureThatNeverClears_isRetriedForABoundedTime_thenReported() {
    deploy(client, options, deployRequest().build());
    cloud.fault("deleteLogGroup:/ecs/zscaler-mcp", new Fault(FailureTypes.THROTTLING, true, -1));

    DestroyReport report = destroy(client, options, destroyRequest().build());

    ResourceReport logGroup = report.of("log-group");
    assertEquals(FAILED, logGroup.outcome());
    assertEquals("Throttling: injected Throttling at deleteLogGroup:/ecs/zscaler-mcp (retries exhausted)",
        logGroup.detail());
    assertTrue(cloud.callsStartingWith("deleteLogGroup").size() > 5, "it was retried");
    assertEquals(List.of("log-group"), report.failures().stream().map(ResourceReport::step).toList());
    assertEquals(List.of("log-group//ecs/zscaler-mcp"), cloud.resources());
  }

  @Test
  void transientFailures_areRetriedAndTheDeleteSucceeds() {
    deploy(client, options, deployRequest().build());
    cloud.fault("deleteRole:zscaler-mcp-harness-execution-role", new Fault(FailureTypes.THROTTLING, true, 2));

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertEquals(3, cloud.callsStartingWith("deleteRole:zscaler-mcp-harness-execution-role").size());
    assertEquals(List.of(), cloud.resources());
  }

  @Test
  void clusterStillDraining_isRetriedEvery15SecondsUntilItGoes() {
    deploy(client, options, deployRequest().build());
    cloud.clusterBusyFor(3);

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(DELETED, report.of("cluster").outcome());
    assertEquals(4, cloud.callsStartingWith("deleteCluster").size());
    assertEquals(DestroyStatus.DESTROYED, report.status());
  }

  @Test
  void serviceStillDrainingAtTheWaitsDeadline_isTolerated_butItsInfrastructureRoleWaitsForARerun() {
    deploy(client, options, deployRequest().build());
    cloud.fault("awaitServiceGone:" + FakeCloud.serviceArn("zscaler-mcp", "zscaler-mcp-server"),
        new Fault(FailureTypes.TIMEOUT, false, 1));

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(DELETED, report.of("service").outcome());
    assertTrue(report.of("service").detail().endsWith("still DRAINING after 900 s"), report.of("service").detail());
    assertEquals(DELETED, report.of("task-execution-role").outcome());
    assertEquals(List.of("infrastructure-role"), report.failures().stream().map(ResourceReport::step).toList());
    assertTrue(report.of("infrastructure-role").detail().startsWith("not attempted: the service is still DRAINING"),
        report.of("infrastructure-role").detail());
    assertEquals(List.of("iam-role/zscaler-mcp-ecs-infrastructure-role"), cloud.resources());

    DestroyReport rerun = destroy(client, options, destroyRequest().build());
    assertEquals(DestroyStatus.DESTROYED, rerun.status());
    assertEquals(DELETED, rerun.of("infrastructure-role").outcome());
    assertEquals(List.of(), cloud.resources());
  }

  @Test
  void harnessThatFailsToGo_isReported_andTheRestStillDeleted() {
    deploy(client, options, deployRequest().build());
    cloud.fault("awaitHarnessGone:" + FakeCloud.harnessId("zscaler_mcp_harness"),
        new Fault(FailureTypes.UNHEALTHY, false, -1));

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(FAILED, report.of("harness").outcome());
    assertTrue(report.of("harness").detail().startsWith("Unhealthy: injected"), report.of("harness").detail());
    assertEquals(1, report.failures().size());
    assertEquals(DestroyStatus.DESTROY_FAILED, report.status());
  }
}
