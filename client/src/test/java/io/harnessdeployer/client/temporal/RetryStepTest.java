package io.harnessdeployer.client.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.ResetActivityRequest;
import io.temporal.api.workflowservice.v1.ResetActivityResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client retry-step}: the exact ResetActivity request it sends, and what it says on the local stack. */
class RetryStepTest {
  static final DeploymentKey KEY = new DeploymentKey("us-east-1", "stuck");
  static final StepReset.Pending ROLE = new StepReset.Pending("7", "EnsureHarnessRole", 4);

  @TempDir Path dir;

  @Test
  void theRequestNamesTheRunAndTheCall_backToAttemptOneUnpaused_heartbeatKept() {
    ResetActivityRequest expected = ResetActivityRequest.newBuilder()
        .setNamespace("prod")
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(KEY.workflowId()).setRunId("run-1"))
        .setId("7")
        .setIdentity("me@host")
        .build(); // reset_heartbeat, keep_paused, match_all, restore_original_options: false; no jitter
    assertEquals(expected, StepReset.request("prod", KEY.workflowId(), "run-1", ROLE, "me@host"));
  }

  @Test
  void theCallIsTheOnlyRetryingOne_orTheOneNamed() {
    StepReset.Pending health = new StepReset.Pending("9", "WaitForHealth", 1);
    assertEquals(ROLE, StepReset.choose(List.of(health, ROLE), null, "d"));
    assertEquals(health, StepReset.choose(List.of(health, ROLE), "waitforhealth", "d"));
    assertEquals(health, StepReset.choose(List.of(health, ROLE), "9", "d"));
    CliException none = assertThrows(CliException.class, () -> StepReset.choose(List.of(health), null, "d"));
    assertEquals("no step of d is retrying: it waits on WaitForHealth (attempt 1, id 9)", none.getMessage());
    CliException two = assertThrows(CliException.class,
        () -> StepReset.choose(List.of(ROLE, new StepReset.Pending("8", "EnsureCluster", 2)), null, "d"));
    assertEquals(ExitCodes.BAD_INPUT, two.exitCode());
    assertTrue(two.getMessage().endsWith("; name one with --step <activity type or id>"), two.getMessage());
  }

  /** A server that answers describe with a retrying call and records the ResetActivity it gets. */
  @Test
  void theCommandSendsExactlyThatRequest_toAServerThatSupportsIt() throws Exception {
    List<ResetActivityRequest> got = new CopyOnWriteArrayList<>();
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new WorkflowServiceGrpc.WorkflowServiceImplBase() {
          @Override
          public void describeWorkflowExecution(DescribeWorkflowExecutionRequest r,
              StreamObserver<DescribeWorkflowExecutionResponse> out) {
            out.onNext(DescribeWorkflowExecutionResponse.newBuilder()
                .setWorkflowExecutionInfo(WorkflowExecutionInfo.newBuilder()
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(KEY.workflowId()).setRunId("run-1"))
                    .setType(WorkflowType.newBuilder().setName("DeployWorkflow"))
                    .setStatus(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING))
                .addPendingActivities(PendingActivityInfo.newBuilder().setActivityId("7")
                    .setActivityType(ActivityType.newBuilder().setName("EnsureHarnessRole")).setAttempt(4))
                .build());
            out.onCompleted();
          }

          @Override
          public void getSystemInfo(GetSystemInfoRequest r, StreamObserver<GetSystemInfoResponse> out) {
            out.onNext(GetSystemInfoResponse.getDefaultInstance());
            out.onCompleted();
          }

          @Override
          public void resetActivity(ResetActivityRequest r, StreamObserver<ResetActivityResponse> out) {
            got.add(r);
            out.onNext(ResetActivityResponse.getDefaultInstance());
            out.onCompleted();
          }
        }).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setChannel(channel).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace("prod").setIdentity("me@host").build());
    try {
      CliRun run = CliRun.run(context((a, ns) -> new TemporalConnection(client, a, ns, () -> {})),
          "retry-step", "--name", "stuck", "--region", "us-east-1", "--namespace", "prod");
      assertEquals(0, run.exitCode(), run.toString());
      assertEquals(List.of(StepReset.request("prod", KEY.workflowId(), "run-1", ROLE, "me@host")), got);
      assertEquals("reset EnsureHarnessRole of us-east-1/stuck (it was on attempt 4): it runs again now, "
          + "from attempt 1\n", run.out());
    } finally {
      stubs.shutdownNow();
      channel.shutdownNow();
      server.shutdownNow();
    }
  }

  @WorkflowInterface
  public interface Stuck {
    @WorkflowMethod
    String run();
  }

  public static class StuckImpl implements Stuck {
    @Override
    public String run() {
      return Workflow.newActivityStub(FlakyCall.class, FlakyCall.options()).flakyCall("stuck", Integer.MAX_VALUE);
    }
  }

  @Test
  void onTheLocalStacksTestServer_itSaysTheServerHasNoActivityReset() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      Worker worker = env.newWorker(TaskQueues.DEPLOY);
      worker.registerWorkflowImplementationTypes(StuckImpl.class);
      worker.registerActivitiesImplementations(new FlakyCall.Impl());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      Stuck wf = client.newWorkflowStub(Stuck.class,
          WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(KEY.workflowId()).build());
      String runId = WorkflowClient.start(wf::run).getRunId();
      TemporalConnection conn = new TemporalConnection(client, "127.0.0.1:7233", "default", () -> {});
      awaitRetrying(conn, runId);

      CliRun run = CliRun.run(context((a, ns) -> conn), "retry-step", "--name", "stuck", "--region", "us-east-1");
      assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
      assertEquals(List.of("error: the Temporal server at 127.0.0.1:7233 does not support ResetActivity (UNIMPLEMENTED):"
          + " it needs a Temporal server 1.28 or later, such as the compose stack's; Temporal's test server (the local"
          + " stack) has no activity reset. The call retries on its own schedule; 'client status' shows its attempt"),
          run.errorLines());
      WorkflowStub.fromTyped(wf).terminate("test over");
    }
  }

  private static void awaitRetrying(TemporalConnection conn, String runId) throws InterruptedException {
    PendingCalls.Call seen = null;
    long deadline = System.currentTimeMillis() + 10_000;
    while (seen == null && System.currentTimeMillis() < deadline) {
      seen = PendingCalls.fetch(conn, KEY.workflowId(), runId).stream().filter(c -> c.attempt() >= 2)
          .findFirst().orElse(null);
      Thread.sleep(50);
    }
    assertNotNull(seen, "the call never reached a second attempt");
  }

  private CliContext context(TemporalConnector connector) {
    return CliRun.context(dir, Map.of(), Prompter.NONE, connector);
  }
}
