package io.harnessdeployer.client.local;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.activities.common.Sleeper;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.worker.ActivityDeps;
import io.harnessdeployer.worker.Workers;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Temporal's port-bound test server (time skipping off), the AWS emulator and, optionally, a worker
 * whose AWS clients point at the emulator, in this process. {@code client dev} runs one until
 * Ctrl-C, {@code deploy --local} for one deploy, tests as a fixture. Everything is in memory: it
 * all goes when the stack stops.
 */
public final class LocalStack implements AutoCloseable {
  /** What the emulator accepts (it verifies no signature unless told to). */
  public static final String ACCESS_KEY = "test";
  public static final String SECRET_KEY = "test";
  public static final String REGION = "us-east-1";
  /** The emulator answers at once: the worker need not wait the production poll intervals. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  private static final Duration WORKER_STOP = Duration.ofSeconds(10);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final LocalStackInfo info;
  private final Emulator emulator;
  private final LocalStackFile discovery;

  private LocalStack(Builder b) {
    try {
      LatencyProfile latency = LatencyProfile.parse(b.latency);
      emulator = startEmulator(b.awsPort, latency);
      started.push(emulator);
      int temporalPort = b.temporalPort == 0 ? freePort() : b.temporalPort;
      started.push(startTemporal(temporalPort));
      String address = "127.0.0.1:" + temporalPort;
      registerSearchAttributes(address, b.namespace);
      if (b.sealKey != null) {
        startWorker(address, b);
      }
      info = new LocalStackInfo(ProcessHandle.current().pid(), address, b.namespace, emulator.endpoint().toString(),
          b.latency, latency.iamPropagation(), Instant.now());
      discovery = b.discovery;
      if (discovery != null) {
        discovery.write(info);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public LocalStackInfo info() {
    return info;
  }

  public String temporalAddress() {
    return info.temporalAddress();
  }

  public URI awsEndpoint() {
    return emulator.endpoint();
  }

  /** The embedded emulator: its request log and resources, for tests. */
  public Emulator emulator() {
    return emulator;
  }

  /** Credentials the emulator accepts, for clients of the local stack. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** Stops in reverse order: discovery file first, so no one finds a stack that is going. */
  @Override
  public void close() {
    if (discovery != null && info != null) {
      discovery.removeIfOwnedBy(info.pid());
    }
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // keep stopping the rest
      }
    }
  }

  private static Emulator startEmulator(int port, LatencyProfile latency) {
    try {
      return Emulator.builder().settings(EmulatorSettings.defaults().withLatency(latency)).port(port).build().start();
    } catch (RuntimeException e) {
      throw CliException.failed("cannot start the AWS emulator on port " + port + " (" + rootMessage(e)
          + "): is another local stack or LocalStack running? choose another with --aws-port");
    }
  }

  private static AutoCloseable startTemporal(int port) {
    try {
      TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
      return server::close;
    } catch (RuntimeException e) {
      throw CliException.failed("cannot start the Temporal test server on port " + port + " (" + rootMessage(e)
          + "): is a Temporal server or another local stack running? choose another with --temporal-port");
    }
  }

  /** What {@code temporal operator search-attribute create} does on a real server. */
  private static void registerSearchAttributes(String address, String namespace) {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(address).validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
      SearchAttributes.ALL.forEach(k -> request.putSearchAttributes(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      operator.blockingStub().addSearchAttributes(request.build());
    } finally {
      operator.shutdownNow();
    }
  }

  private void startWorker(String address, Builder b) {
    AwsClients aws = new AwsClients(AwsSettings.endpoint(emulator.endpoint(), REGION, credentials()));
    started.push(aws);
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    started.push(service::shutdownNow);
    WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service,
        WorkflowClientOptions.newBuilder().setNamespace(b.namespace).build()), Workers.factoryOptions());
    Polling polling = b.polling != null ? b.polling : new Polling(Clock.systemUTC(), Sleeper.real(), POLL_INTERVAL);
    ActivityDeps deps = new ActivityDeps(aws, b.sealKey, emulator.endpoint(), polling);
    Worker worker = factory.newWorker(TaskQueues.DEPLOY,
        b.workerOptions != null ? b.workerOptions : WorkerOptions.getDefaultInstance());
    if (b.workflows == null) {
      Workers.register(worker, deps);
    } else {
      worker.registerWorkflowImplementationTypes(b.workflows.toArray(Class<?>[]::new));
      worker.registerActivitiesImplementations(deps.activities().toArray());
    }
    started.push(() -> {
      factory.shutdown();
      factory.awaitTermination(WORKER_STOP.toMillis(), TimeUnit.MILLISECONDS);
      if (!factory.isTerminated()) {
        factory.shutdownNow();
      }
    });
    factory.start();
  }

  /** A port free right now; the test server cannot report the one it picked for port 0. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw CliException.failed("no free TCP port for the Temporal test server: " + e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  public static final class Builder {
    private int temporalPort = 7233;
    private int awsPort = 4566;
    private String latency = "instant";
    private String namespace = "default";
    private SealKey sealKey;
    private LocalStackFile discovery;
    private Polling polling;
    private List<Class<?>> workflows;
    private WorkerOptions workerOptions;

    /** 0 picks a free port. */
    public Builder temporalPort(int port) {
      this.temporalPort = port;
      return this;
    }

    /** 0 picks a free port. */
    public Builder awsPort(int port) {
      this.awsPort = port;
      return this;
    }

    /** An emulator latency profile: {@code instant}, {@code realistic}, with overrides. */
    public Builder latency(String profile) {
      this.latency = profile;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** Hosts a worker that opens credentials sealed with {@code key}; without it, no worker runs. */
    public Builder worker(SealKey key) {
      this.sealKey = key;
      return this;
    }

    /**
     * How the worker's waits pace themselves; default: every wait polls each {@code POLL_INTERVAL}
     * (1 s) whatever its {@code WaitSpec} asks. Benchmarks pass the production or the seed's pacing.
     */
    public Builder polling(Polling polling) {
      this.polling = polling;
      return this;
    }

    /**
     * The workflow implementations the worker hosts instead of {@code Workers}' list (with the same
     * activities), e.g. one deploy implementation and the destroy one for a benchmark.
     */
    public Builder workflows(List<Class<?>> implementations) {
      this.workflows = List.copyOf(implementations);
      return this;
    }

    /** The worker's options; default {@link WorkerOptions#getDefaultInstance()}, as {@code WorkerMain}. */
    public Builder workerOptions(WorkerOptions options) {
      this.workerOptions = options;
      return this;
    }

    /** Announces the stack in this file while it runs. */
    public Builder discovery(LocalStackFile file) {
      this.discovery = file;
      return this;
    }

    public LocalStack start() {
      return new LocalStack(this);
    }
  }
}
