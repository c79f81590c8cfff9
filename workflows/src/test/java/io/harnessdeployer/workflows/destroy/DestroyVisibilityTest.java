package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.destroy.FakeCloud.Gate;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the Temporal UI and the CLI see of a destroy: as for the deploy. Also cancellation. */
class DestroyVisibilityTest {
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

  @Test
  void searchAttributesCurrentDetailsActivitySummariesAndProgress() {
    deploy(client, options, deployRequest().build());
    DestroyRequest req = destroyRequest().keepSecret(true).build();
    DestroyWorkflow wf = destroyStub(client, options, req);
    wf.destroy(req);
    WorkflowStub untyped = WorkflowStub.fromTyped(wf);

    io.temporal.common.SearchAttributes sa = untyped.describe().getTypedSearchAttributes();
    assertEquals("dev", sa.get(SearchAttributes.DEPLOYMENT));
    assertEquals("us-east-1", sa.get(SearchAttributes.REGION));
    assertEquals("ecs", sa.get(SearchAttributes.TOPOLOGY));
    // at rest: the last step in board order that ran (the kept secret never did)
    assertEquals("task-execution-role", sa.get(SearchAttributes.STEP));
    assertEquals("DESTROYED", sa.get(SearchAttributes.STATUS));

    String details = untyped.query("__temporal_workflow_metadata",
        io.temporal.api.sdk.v1.WorkflowMetadata.class).getCurrentDetails();
    assertTrue(details.startsWith("**Destroy us-east-1/dev**: DESTROYED"), details);
    assertTrue(details.contains("| 7 | ECS cluster zscaler-mcp | DONE (DELETED) | zscaler-mcp |"), details);
    assertTrue(details.contains("| 10 | Secret zscaler-mcp-harness/credentials | SKIPPED (KEPT_BY_FLAG) |"), details);

    List<String> summaries = client.fetchHistory(req.key().workflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(DestroyVisibilityTest::summary).toList();
    assertEquals(Set.of(
        "find resources tagged us-east-1/dev", // destroy-by-tag: the lookup before any delete
        "harness: delete harness zscaler_mcp_harness",
        "harness: wait for harness zscaler_mcp_harness-AbCdE12345 gone",
        "credential-provider: delete API-key provider zscaler-mcp-creds",
        "harness-role: delete IAM role zscaler-mcp-harness-execution-role",
        "service: delete ECS Express service zscaler-mcp-server",
        "service: wait for zscaler-mcp-server INACTIVE",
        "task-definitions: delete task definitions zscaler-mcp-zscaler-mcp-server",
        "log-group: delete log group /ecs/zscaler-mcp",
        "cluster: delete ECS cluster zscaler-mcp",
        "task-execution-role: delete IAM role zscaler-mcp-ecs-task-execution-role",
        "infrastructure-role: delete IAM role zscaler-mcp-ecs-infrastructure-role"), Set.copyOf(summaries));
    assertEquals(12, summaries.size(), summaries.toString());

    DestroyProgress progress = wf.progress();
    assertEquals(DestroyStatus.DESTROYED, progress.status());
    assertEquals("us-east-1/dev", progress.deployment());
    assertEquals(List.of(), progress.failures());
    assertEquals(List.copyOf(DestroyWorkflowTest.CALLS.keySet()),
        progress.steps().stream().map(StepState::id).toList());
    for (StepState s : progress.steps()) {
      boolean kept = s.id().equals("secret");
      assertEquals(kept ? StepStatus.SKIPPED : StepStatus.DONE, s.status(), s.id());
      assertEquals(kept ? 0 : 1, s.attempts(), s.id());
      assertEquals(kept, s.startedAt() == null, s.id());
      assertNotNull(s.endedAt(), s.id());
      assertNotNull(s.resourceId(), s.id());
    }
  }

  @Test
  void whileRunning_progressAndStatusSayDestroying_andCancelStopsIt_aRerunFinishes() throws Exception {
    deploy(client, options, deployRequest().build());
    Gate gate = new Gate(new CountDownLatch(1), new CountDownLatch(1));
    cloud.gate("deleteService:zscaler-mcp-server", gate);
    DestroyRequest req = destroyRequest().build();
    DestroyWorkflow wf = destroyStub(client, options, req);
    WorkflowClient.start(wf::destroy, req);
    assertTrue(gate.entered().await(20, TimeUnit.SECONDS));

    DestroyProgress running = wf.progress();
    assertEquals(DestroyStatus.DESTROYING, running.status());
    assertEquals(StepStatus.RUNNING, DestroyTestSupport.step(running, "service").status());
    for (String waiting : List.of("task-definitions", "log-group", "cluster", "infrastructure-role")) {
      assertEquals(StepStatus.PENDING, DestroyTestSupport.step(running, waiting).status(), waiting);
    }
    WorkflowStub untyped = WorkflowStub.fromTyped(wf);
    assertEquals("DESTROYING", untyped.describe().getTypedSearchAttributes().get(SearchAttributes.STATUS));

    untyped.cancel();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> untyped.getResult(DestroyReport.class));
    assertInstanceOf(CanceledFailure.class, e.getCause());
    assertEquals(DestroyStatus.CANCELED, wf.progress().status());
    gate.release().countDown(); // the delete AWS already received goes through

    DestroyReport rerun = destroy(client, options, req);
    assertEquals(DestroyStatus.DESTROYED, rerun.status());
    assertEquals(DestroyOutcome.ALREADY_GONE, rerun.of("harness").outcome());
    assertEquals(DestroyOutcome.DELETED, rerun.of("cluster").outcome());
    assertEquals(List.of(), cloud.resources());
  }

  private static String summary(HistoryEvent e) {
    return DefaultDataConverter.newDefaultInstance().fromPayload(
        e.getUserMetadata().getSummary(), String.class, String.class);
  }
}
