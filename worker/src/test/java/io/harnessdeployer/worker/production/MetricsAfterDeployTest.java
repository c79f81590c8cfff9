package io.harnessdeployer.worker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.worker.ActivityDeps;
import io.harnessdeployer.worker.Workers;
import io.harnessdeployer.worker.metrics.MetricsServer;
import io.harnessdeployer.worker.metrics.WorkerMetrics;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A deploy on the emulator with the worker's metrics wired as WorkerMain wires them: afterwards
 * {@code /metrics} shows a timer per step and the SDK's own metrics, and {@code /healthz} answers.
 */
class MetricsAfterDeployTest {
  static final String REGION = "us-east-1";
  /** The ecs topology's steps: each must have been timed once at least, successfully. */
  static final List<String> STEPS = List.of("EnsureSecret", "EnsureTaskExecutionRole", "EnsureInfrastructureRole",
      "EnsureCluster", "EnsureLogGroup", "EnsureService", "EnsureApiKeyProvider", "EnsureHarnessRole", "EnsureHarness");

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

  private final SteppedClock clock = new SteppedClock();
  private final WorkerMetrics metrics = new WorkerMetrics();
  private final Emulator emulator = Emulator.builder().port(0)
      .settings(EmulatorSettings.defaults().withClock(clock).withLatency(LatencyProfile.instant())).build().start();
  private final AwsClients aws = new AwsClients(AwsSettings.endpoint(emulator.endpoint(), REGION,
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
      .setWorkerFactoryOptions(Workers.factoryOptions(metrics.steps())).setMetricsScope(metrics.sdkScope).build());
  private MetricsServer http;

  @AfterEach
  void close() {
    if (http != null) http.close();
    env.close();
    aws.close();
    emulator.close();
    metrics.close();
  }

  @Test
  void afterADeploy_metricsShowATimerPerStep_andTheSdksMetrics_andHealthzIsOk() throws Exception {
    SealKey key = SealKey.of(new byte[32], "metrics-test");
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Polling polling = new Polling(clock, d -> clock.now.updateAndGet(t -> t.plus(d)), null);
    Workers.register(env.newWorker(TaskQueues.DEPLOY, WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build()),
        new ActivityDeps(aws, key, emulator.endpoint(), polling));
    env.start();
    http = MetricsServer.start(0, metrics.registry, () -> true);

    DeployRequest req = DeployRequest.builder("metrics", REGION,
            new ZscalerCredentials("zs-id", "zs-secret-metrics-5", "cust-1", "acme", null).seal(key))
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false")).build();
    env.getWorkflowClient().newWorkflowStub(DeployWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(req.key().workflowId()).build()).deploy(req);

    HttpResponse<String> page = get("/metrics");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    for (String step : STEPS) {
      Matcher m = Pattern.compile("(?m)^harness_deployer_step_seconds_count\\{outcome=\"success\",step=\"" + step
          + "\"} (\\d+)").matcher(page.body());
      assertTrue(m.find(), step + " not timed:\n" + page.body());
      assertTrue(Integer.parseInt(m.group(1)) >= 1);
    }
    assertTrue(page.body().contains("harness_deployer_step_seconds_sum{"), "a timer, not a counter");
    assertTrue(page.body().contains("temporal_activity_execution_latency"), "the SDK's metrics:\n" + page.body());
    assertTrue(!page.body().contains("zs-secret-metrics-5"), "no secret in metrics");

    HttpResponse<String> health = get("/healthz");
    assertEquals(200, health.statusCode());
    assertEquals("ok\n", health.body());
    assertEquals(404, get("/metrics/other").statusCode());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
