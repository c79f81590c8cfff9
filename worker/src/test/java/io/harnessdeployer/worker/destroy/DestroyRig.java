package io.harnessdeployer.worker.destroy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.worker.ActivityDeps;
import io.harnessdeployer.worker.Workers;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One deployment's world for a test (destroy's, and drift's): the real emulator in-process (instant lifecycles), the real
 * activities and both workflows registered by {@link Workers#register}, on a time-skipping test
 * server. The emulator and the activities' waits share a clock that polls move; nothing sleeps.
 */
public final class DestroyRig implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String DEPLOYMENT = "dx";
  static final String TAG_VALUE = REGION + "/" + DEPLOYMENT;

  /** Moved by the activities' polls and read by the emulator's lifecycles. */
  static final class SteppedClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final SteppedClock clock = new SteppedClock();
  final Emulator emulator;
  public final EmulatorApi api;
  public final AwsClients aws;
  public final TestWorkflowEnvironment env;
  final SealKey key = SealKey.of(new byte[32], "destroy-test");

  public DestroyRig() {
    System.setProperty("sun.net.httpserver.nodelay", "true"); // else ~40 ms per response (Nagle + delayed ACK)
    emulator = Emulator.builder().port(0)
        .settings(EmulatorSettings.defaults().withClock(clock).withLatency(LatencyProfile.instant()))
        .build().start();
    api = new EmulatorApi(emulator.endpoint());
    aws = new AwsClients(AwsSettings.endpoint(emulator.endpoint(), REGION,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    // a loaded 2-core machine may take over 1 s to load classes in the first workflow task
    Worker worker = env.newWorker(TaskQueues.DEPLOY,
        WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build());
    Polling polling = new Polling(clock, d -> clock.now.updateAndGet(t -> t.plus(d)), null);
    Workers.register(worker, new ActivityDeps(aws, key, emulator.endpoint(), polling));
    env.start();
  }

  public DeployRequest.Builder deployRequest() {
    return DeployRequest.builder(DEPLOYMENT, REGION,
            new ZscalerCredentials("zs-id", "zs-secret-destroy-31", "cust-1", "acme", null).seal(key))
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false"));
  }

  DestroyRequest.Builder destroyRequest() {
    return DestroyRequest.builder(DEPLOYMENT, REGION);
  }

  public DeploySummary deploy(DeployRequest req) {
    return deployStub(req).deploy(req);
  }

  /** A deploy that fails (a fault is armed), pauses, and is abandoned: what it created stays. */
  DeployProgress deployAbandoned(DeployRequest req) {
    DeployWorkflow wf = deployStub(req);
    WorkflowClient.start(wf::deploy, req);
    DeployProgress paused = awaitDeploy(wf, DeployStatus.PAUSED);
    wf.decide(OperatorDecision.ABANDON);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));
    assertEquals(FailureTypes.ABANDONED, ((ApplicationFailure) e.getCause()).getType());
    return paused;
  }

  DestroyReport destroy(DestroyRequest req) {
    return env.getWorkflowClient().newWorkflowStub(DestroyWorkflow.class, options(req.key().workflowId()))
        .destroy(req);
  }

  /** What a full deploy with these names and a managed secret leaves in the emulator. */
  static Set<CloudResource> fullDeploy(ResourceNames n) {
    return fullDeploy(n, 1);
  }

  /**
   * @param firstRevision the service's first task-definition revision: revisions count on per
   *     family, so a service created again after a destroy starts at 3
   */
  static Set<CloudResource> fullDeploy(ResourceNames n, int firstRevision) {
    Set<CloudResource> all = new LinkedHashSet<>();
    all.add(secret(n.secret()));
    all.addAll(roles(n));
    all.addAll(ecs(n, firstRevision));
    all.add(new CloudResource("bedrock-agentcore-control", "apikey-credential-provider", n.apiKeyProvider()));
    all.add(new CloudResource("bedrock-agentcore-control", "harness", n.harness()));
    return all;
  }

  /** The three IAM roles. */
  static Set<CloudResource> roles(ResourceNames n) {
    return Set.of(role(n.harnessRole()), role(n.taskExecutionRole()), role(n.infrastructureRole()));
  }

  /** What {@code --keep-ecs} names: cluster, log group, service and its two revisions (create, allowed hosts). */
  static Set<CloudResource> ecs(ResourceNames n) {
    return ecs(n, 1);
  }

  static Set<CloudResource> ecs(ResourceNames n, int firstRevision) {
    String family = Names.taskDefinitionFamily(n.cluster(), n.service());
    return Set.of(new CloudResource("ecs", "cluster", n.cluster()),
        new CloudResource("logs", "log-group", n.logGroup()),
        new CloudResource("ecs", "express-service", n.service()),
        new CloudResource("ecs", "task-definition", family + ":" + firstRevision),
        new CloudResource("ecs", "task-definition", family + ":" + (firstRevision + 1)));
  }

  static CloudResource secret(String name) {
    return new CloudResource("secretsmanager", "secret", name);
  }

  static CloudResource role(String name) {
    return new CloudResource("iam", "role", name);
  }

  private DeployWorkflow deployStub(DeployRequest req) {
    return env.getWorkflowClient().newWorkflowStub(DeployWorkflow.class, options(req.key().workflowId()));
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(workflowId)
        .setWorkflowRunTimeout(Duration.ofHours(3)).build();
  }

  /**
   * Waits until the deploy reports {@code status}, moving the test server's clock in small steps:
   * nothing waits on the workflow's result, so time would not skip by itself (IAM timers).
   */
  private DeployProgress awaitDeploy(DeployWorkflow wf, DeployStatus status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DeployProgress last = null;
    while (System.nanoTime() < deadline) {
      last = wf.progress();
      if (last.status() == status) {
        return last;
      }
      env.sleep(Duration.ofSeconds(2));
    }
    return fail("deploy never reached " + status + "; last progress: " + last);
  }

  @Override
  public void close() {
    env.close();
    aws.close();
    emulator.close();
  }
}
