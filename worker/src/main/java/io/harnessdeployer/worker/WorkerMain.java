package io.harnessdeployer.worker;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.SealKeys;
import io.harnessdeployer.worker.metrics.MetricsServer;
import io.harnessdeployer.worker.metrics.WorkerMetrics;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process: connects to {@code TEMPORAL_ADDRESS} (default {@value #DEFAULT_ADDRESS}) and
 * {@code TEMPORAL_NAMESPACE} (default {@code default}), builds the AWS clients once (standard AWS
 * resolution: {@code AWS_PROFILE}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, ...), checks the
 * namespace's search attributes ({@link SearchAttributeCheck}), serves {@code /metrics} and {@code
 * /healthz} on {@code HARNESS_DEPLOYER_METRICS_PORT} (default 9464, 0 = off), polls {@link
 * TaskQueues#DEPLOY}, and on SIGTERM lets running activities finish before it exits. Every variable
 * it reads: {@link WorkerEnv}.
 */
public final class WorkerMain {
  static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
  private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    String address = env.getOrDefault(WorkerEnv.TEMPORAL_ADDRESS, DEFAULT_ADDRESS);
    String namespace = env.getOrDefault(WorkerEnv.TEMPORAL_NAMESPACE, "default");
    String endpoint = env.getOrDefault(WorkerEnv.ENDPOINT_HOST_OVERRIDE, env.get("AWS_ENDPOINT_URL"));
    URI endpointHosts = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.trim());
    SealKey key = SealKeys.load();
    log.info("seal key {}", key);

    int metricsPort = Integer.parseInt(env.getOrDefault(WorkerEnv.METRICS_PORT, "" + MetricsServer.DEFAULT_PORT).trim());
    WorkerMetrics metrics = new WorkerMetrics();
    AwsClients aws = new AwsClients(AwsSettings.standard());
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).setMetricsScope(metrics.sdkScope).build());
    checkSearchAttributes(service, namespace, !"false".equalsIgnoreCase(
        env.getOrDefault(WorkerEnv.REQUIRE_SEARCH_ATTRIBUTES, "true").trim()));
    WorkflowClient client = WorkflowClient.newInstance(service,
        WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    WorkerFactory factory = WorkerFactory.newInstance(client, Workers.factoryOptions(metrics.steps()));
    boolean sticky = !"false".equalsIgnoreCase(env.getOrDefault(WorkerEnv.STICKY, "true").trim());
    WorkerOptions options = sticky ? WorkerOptions.getDefaultInstance()
        : WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build();
    Workers.register(factory.newWorker(TaskQueues.DEPLOY, options),
        new ActivityDeps(aws, key, endpointHosts, Polling.real()));

    MetricsServer http = metricsPort == 0 ? null : serveMetrics(metricsPort, metrics, factory);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping: no new tasks, waiting up to 30 s for running ones");
      factory.shutdown();
      factory.awaitTermination(30, TimeUnit.SECONDS);
      service.shutdown();
      aws.close();
      if (http != null) http.close();
      metrics.close();
      stopped.countDown();
    }, "worker-shutdown"));
    factory.start();
    if (http != null) log.info("metrics on http://0.0.0.0:{}/metrics, health on /healthz", http.port());
    log.info("worker polling {} on {} namespace {}{}", TaskQueues.DEPLOY, address, namespace,
        (endpointHosts == null ? "" : ", endpoint hosts via " + endpointHosts) + (sticky ? "" : ", no sticky queue"));
    stopped.await();
  }

  /** A port in use costs the metrics, not the worker: the container's health check then reports it. */
  private static MetricsServer serveMetrics(int port, WorkerMetrics metrics, WorkerFactory factory) {
    try {
      return MetricsServer.start(port, metrics.registry, () -> factory.isStarted() && !factory.isShutdown());
    } catch (IOException e) {
      log.error("no /metrics or /healthz: cannot listen on port {} ({}); set {} to another port, 0 for none",
          port, e.getMessage(), WorkerEnv.METRICS_PORT);
      return null;
    }
  }

  /** Fails the start when the namespace lacks one of our search attributes, unless {@code required} is false. */
  static void checkSearchAttributes(WorkflowServiceStubs service, String namespace, boolean required) {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
        .setChannel(service.getRawChannel()).validateAndBuildWithDefaults());
    try {
      SearchAttributeCheck.Result r = SearchAttributeCheck.run(namespace, operator.blockingStub()::listSearchAttributes);
      String line = SearchAttributeCheck.describe(namespace, r);
      if (r.ok()) {
        log.info(line);
      } else if (required) {
        throw new IllegalStateException(line);
      } else {
        log.warn(line);
      }
    } finally {
      operator.shutdown();
    }
  }
}
