package io.harnessdeployer.client.realserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.client.temporal.FlakyCall;
import io.harnessdeployer.client.temporal.StepReset;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.worker.ActivityDeps;
import io.harnessdeployer.worker.Workers;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What Temporal's test server cannot do, on a real server: Schedules, {@code list} through
 * visibility, ResetActivity, a deploy that survives its worker being stopped and started again,
 * and the workflows' UI metadata. Opt-in: {@value #ENV} names the server's gRPC address (e.g. the
 * compose stack's {@code 127.0.0.1:7233}, whose namespace has our search attributes); without it
 * every test is skipped, saying why. The compose stack's own worker must be stopped ({@code docker
 * compose stop worker}): this suite runs its workers in-process, against an in-process emulator.
 */
class RealServerSuiteTest {
  static final String ENV = "HARNESS_DEPLOYER_REAL_TEMPORAL";
  static final String NAMESPACE = System.getenv().getOrDefault("HARNESS_DEPLOYER_REAL_TEMPORAL_NAMESPACE", "default");
  static final String QUEUE = "real-server-suite-" + UUID.randomUUID();
  static WorkflowServiceStubs service;
  static WorkflowClient client;

  static final String ADDRESS = System.getenv(ENV);

  @BeforeAll
  static void connect() {
    if (ADDRESS == null || ADDRESS.isBlank()) return;
    service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(ADDRESS).build());
    client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
  }

  /** Per test, so each one is reported skipped with the reason. */
  @BeforeEach
  void optIn() {
    Assumptions.assumeTrue(service != null, "opt-in suite: set " + ENV
        + "=<host:port> of a real Temporal server (docker compose up -d; docker compose stop worker; " + ENV
        + "=127.0.0.1:7233). Temporal's test server has no Schedules, visibility queries or activity reset.");
  }

  @AfterAll
  static void disconnect() {
    if (service != null) service.shutdown();
  }

  @WorkflowInterface
  public interface Once {
    @WorkflowMethod
    String run(int failures);
  }

  public static class OnceImpl implements Once {
    @Override
    public String run(int failures) {
      return Workflow.newActivityStub(FlakyCall.class, io.temporal.activity.ActivityOptions.newBuilder(FlakyCall.options())
              .setRetryOptions(io.temporal.common.RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMinutes(10)).setBackoffCoefficient(1.0).build()).build())
          .flakyCall(Workflow.getInfo().getWorkflowId(), failures);
    }
  }

  private static WorkerFactory startWorker(java.util.function.Consumer<io.temporal.worker.Worker> register) {
    WorkerFactory factory = WorkerFactory.newInstance(client, Workers.factoryOptions());
    register.accept(factory.newWorker(QUEUE));
    factory.start();
    return factory;
  }

  @Test
  void aScheduleIsCreatedDescribedAndDeleted() {
    ScheduleClient schedules = ScheduleClient.newInstance(service,
        io.temporal.client.schedules.ScheduleClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    String id = "real-suite-" + UUID.randomUUID();
    ScheduleHandle handle = schedules.createSchedule(id, Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(Once.class).setArguments(0)
            .setOptions(WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id + "-run").build()).build())
        .setSpec(ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofHours(6)))).build())
        .build(), ScheduleOptions.newBuilder().build());
    try {
      assertEquals(id, handle.describe().getId());
    } finally {
      handle.delete();
    }
  }

  @Test
  void listThroughVisibilityFindsARunByOurSearchAttribute_andResetActivityRetriesAStuckCallAtOnce()
      throws Exception {
    FlakyCall.Impl calls = new FlakyCall.Impl();
    WorkerFactory factory = startWorker(w -> {
      w.registerWorkflowImplementationTypes(OnceImpl.class);
      w.registerActivitiesImplementations(calls);
    });
    try {
      String name = "real-" + UUID.randomUUID();
      Once wf = client.newWorkflowStub(Once.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
          .setWorkflowId(name).setTypedSearchAttributes(io.temporal.common.SearchAttributes.newBuilder()
              .set(SearchAttributes.DEPLOYMENT, name).build()).build());
      String runId = WorkflowClient.start(wf::run, 1).getRunId();
      eventually(() -> client.listExecutions("HarnessDeployment = '" + name + "'").findAny().isPresent(),
          "visibility never listed " + name);
      TemporalConnection conn = new TemporalConnection(client, ADDRESS, NAMESPACE, () -> {});
      StepReset.Pending call = awaitPending(name, runId);
      // the first attempt failed; the next one is 10 minutes away unless the reset runs it now
      StepReset.send(conn, StepReset.request(NAMESPACE, name, runId, call, "real-server-suite"));
      assertEquals(name + " after 2", WorkflowStub.fromTyped(wf).getResult(60, TimeUnit.SECONDS, String.class));
    } finally {
      factory.shutdownNow();
    }
  }

  @Test
  void aDeploySurvivesItsWorkerBeingStoppedAndStartedAgain_andCarriesItsUiMetadata() throws Exception {
    try (Emulator emulator = Emulator.builder().port(0)
            .settings(EmulatorSettings.defaults().withLatency(LatencyProfile.realistic())).build().start();
        AwsClients aws = new AwsClients(AwsSettings.endpoint(emulator.endpoint(), "us-east-1",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))))) {
      SealKey key = SealKey.of(new byte[32], "real-suite");
      ActivityDeps deps = new ActivityDeps(aws, key, emulator.endpoint(), Polling.real());
      DeployRequest req = DeployRequest.builder("real-" + UUID.randomUUID().toString().substring(0, 8), "us-east-1",
              new ZscalerCredentials("zs-id", "zs-secret", "cust-1", "acme", null).seal(key))
          .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false")).build();
      String queue = TaskQueues.DEPLOY;
      WorkerFactory first = WorkerFactory.newInstance(client, Workers.factoryOptions());
      Workers.register(first.newWorker(queue), deps);
      first.start();
      DeployWorkflow wf = client.newWorkflowStub(DeployWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(req.key().workflowId()).build());
      WorkflowClient.start(wf::deploy, req);
      eventually(() -> historyHas(req.key().workflowId(), EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED),
          "no step completed");
      first.shutdownNow(); // as a killed container: no drain
      first.awaitTermination(10, TimeUnit.SECONDS);

      WorkerFactory second = WorkerFactory.newInstance(client, Workers.factoryOptions());
      Workers.register(second.newWorker(queue), deps);
      second.start();
      try {
        DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(5, TimeUnit.MINUTES, DeploySummary.class);
        assertEquals("READY", summary.harnessStatus());
        WorkflowExecutionDescription d = client.newUntypedWorkflowStub(req.key().workflowId()).describe();
        assertFalse(d.getStaticSummary() == null || d.getStaticSummary().isBlank(), "the UI's summary");
        assertTrue(client.fetchHistory(req.key().workflowId()).getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .allMatch(e -> e.hasUserMetadata() && e.getUserMetadata().hasSummary()), "every step has a summary");
      } finally {
        second.shutdownNow();
      }
    }
  }

  private static boolean historyHas(String workflowId, EventType type) {
    return client.fetchHistory(workflowId).getEvents().stream().anyMatch(e -> e.getEventType() == type);
  }

  private static StepReset.Pending awaitPending(String workflowId, String runId) throws InterruptedException {
    StepReset.Pending[] found = new StepReset.Pending[1];
    eventually(() -> {
      var d = client.newUntypedWorkflowStub(workflowId, java.util.Optional.of(runId), java.util.Optional.empty())
          .describe().getRawDescription();
      found[0] = StepReset.pending(d).stream().filter(c -> c.attempt() >= 2).findFirst().orElse(null);
      return found[0] != null;
    }, "the call never failed once");
    return found[0];
  }

  /** Visibility and history on a real server are eventually consistent: poll, within a deadline. */
  private static void eventually(BooleanSupplier check, String message) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (check.getAsBoolean()) return;
      Thread.sleep(250);
    }
    throw new AssertionError(message);
  }
}
