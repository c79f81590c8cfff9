package io.harnessdeployer.bench;

import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.activities.common.Sleeper;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.emulator.control.RequestLog;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Deploy benchmark: the ecs topology against the emulator's latency profile (default {@code
 * realistic}), Temporal's port-bound test server in real time and one worker, all in this JVM (a
 * {@link LocalStack} per phase). Not a test; {@code bench/deploy-bench.sh} runs it and
 * docs/benchmarks.md says how to read it.
 *
 * <ol>
 *   <li><b>parallel</b>: one deploy and its destroy with the deploy implementation under test
 *       ({@value #DEPLOY_IMPL}), the production pacing of waits ({@code Polling.real()}) and the
 *       emulator's own IAM propagation as the role wait (what {@code client deploy --local} sends);
 *   <li><b>baseline</b>: the same with the sequential walk of the original tool ({@value
 *       #SEQUENTIAL_DEPLOY_IMPL} when it exists, else {@value #DEPLOY_IMPL}, which is that walk
 *       until the parallel graph replaces it), the seed's poll intervals (sleep exactly each
 *       WaitSpec's interval: 10 s service, 3 s harness) and its fixed 10 s sleep after each role;
 *   <li><b>concurrency</b>: N deploys at once on one worker, each with its own deployment and
 *       resource names (parallel configuration).
 * </ol>
 */
public final class DeployBench {
  static final String DEPLOY_IMPL = "io.harnessdeployer.workflows.deploy.DeployWorkflowImpl";
  static final String SEQUENTIAL_DEPLOY_IMPL = "io.harnessdeployer.workflows.deploy.SequentialDeployWorkflowImpl";
  static final String DESTROY_IMPL = "io.harnessdeployer.workflows.destroy.DestroyWorkflowImpl";
  static final String SEQUENTIAL_DESTROY_IMPL = "io.harnessdeployer.workflows.destroy.SequentialDestroyWorkflowImpl";
  static final String REGION = LocalStack.REGION;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

  private final Options opt;
  private final LatencyProfile profile;
  private final SealKey key;
  private final Sealed credentials;
  private final HeapWatch heap = new HeapWatch();
  private final List<String> log = new ArrayList<>();

  private DeployBench(Options opt) {
    this.opt = opt;
    this.profile = LatencyProfile.parse(opt.latency);
    byte[] bytes = new byte[SealKey.LENGTH_BYTES];
    new SecureRandom().nextBytes(bytes);
    this.key = SealKey.of(bytes, "deploy-bench (random, this run only)");
    this.credentials = new ZscalerCredentials("bench-client-id", "bench-client-secret", "1234567", "acme", null)
        .seal(key);
  }

  public static void main(String[] args) throws Exception {
    Options opt = Options.parse(args);
    DeployBench bench = new DeployBench(opt);
    try {
      bench.run();
    } finally {
      bench.heap.close();
    }
    System.exit(0); // the SDK's and the test server's non-daemon threads
  }

  private void run() throws Exception {
    String loadBefore = loadAverage();
    out("== machine");
    out("nproc: " + Runtime.getRuntime().availableProcessors() + "; cpu: " + cpu() + "; java "
        + System.getProperty("java.runtime.version") + "; heap max " + mib(HeapWatch.maxHeap()) + " ("
        + jvmArgs() + "); collectors " + HeapWatch.collectorNames());
    out("git: " + opt.git + "; load average at start: " + loadBefore);

    if (opt.topology == Topology.GATEWAY) {
      gateway(loadBefore);
      return;
    }
    DeployRequest sample = request("bench-p", "p", profile.iamPropagation());
    CriticalPath deployPath = CriticalPath.deploy(profile, sample);
    CriticalPath destroyPath = CriticalPath.destroy(profile, destroyRequest(sample));
    out("== critical path (EcsTopology's graph weighted with LatencyProfile " + opt.latency
        + "; every other node, a quick call, counts 0)");
    out("deploy:  " + deployPath.formula());
    out("destroy: " + destroyPath.formula());
    if (opt.criticalPathOnly) {
      return;
    }

    Config parallel = new Config("parallel", load(DEPLOY_IMPL), load(DESTROY_IMPL), productionPolling(),
        profile.iamPropagation());
    Config baseline = new Config("baseline", firstPresent(SEQUENTIAL_DEPLOY_IMPL, DEPLOY_IMPL),
        firstPresent(SEQUENTIAL_DESTROY_IMPL, DESTROY_IMPL), seedPolling(), Names.IAM_PROPAGATION);

    if (parallel.deployImpl == baseline.deployImpl) {
      out("note: " + sameImplementation(parallel));
    }
    warmUp(parallel);
    Single p = opt.concurrencyOnly ? null : single(parallel, "p");
    Single b = opt.concurrencyOnly ? null : single(baseline, "b");

    List<Concurrent> concurrency = new ArrayList<>();
    out("== concurrency: N deploys at once on one worker (" + parallel.describe() + ")");
    try (Stack stack = Stack.start(this, parallel)) {
      for (int n : opt.ns) {
        Concurrent c = concurrent(stack, parallel, n);
        concurrency.add(c);
        out(String.format(Locale.ROOT,
            "N=%-3d total %7.2f s  p50 %6.2f s  p99 %6.2f s  max %6.2f s  peak heap %s (after GC before %s,"
                + " largest after a GC %s, after GC at the end %s, %d GCs)",
            n, c.totalMillis / 1000.0, c.p50 / 1000.0, c.p99 / 1000.0, c.max / 1000.0, mib(c.peakHeap),
            mib(c.heapBefore), mib(c.maxAfterGc), mib(c.heapAfter), c.collections));
      }
    }
    String loadAfter = loadAverage();
    out("load average at the end: " + loadAfter);
    if (opt.concurrencyOnly) {
      return; // a development check: no ratios, no section
    }

    List<String> ratios = new ArrayList<>();
    ratios.add(ratio("deploy: wall %s / critical path %s = %.2f (1 is the floor)",
        p.deploy.millis(), deployPath.total().toMillis()));
    ratios.add(ratio("destroy: wall %s / critical path %s = %.2f (1 is the floor)",
        p.destroy.millis(), destroyPath.total().toMillis()));
    ratios.add(ratio("parallel/baseline deploy: %s / %s = %.2f (< 1: faster than the sequential walk)",
        p.deploy.millis(), b.deploy.millis()));
    ratios.add(ratio("parallel/baseline destroy: %s / %s = %.2f", p.destroy.millis(), b.destroy.millis()));
    ratios.add(String.format(Locale.ROOT, "parallel/baseline AWS calls per deploy: %d / %d = %.2f",
        p.deployCalls.total(), b.deployCalls.total(), p.deployCalls.total() / (double) b.deployCalls.total()));
    ratios.add(String.format(Locale.ROOT, "parallel/baseline history events per deploy: %d / %d = %.2f",
        p.deployEvents, b.deployEvents, p.deployEvents / (double) b.deployEvents));
    Concurrent first = concurrency.get(0);
    for (Concurrent c : concurrency.subList(1, concurrency.size())) {
      ratios.add(ratio("N=" + c.n + " p50 / N=" + first.n + " p50: %s / %s = %.2f (1: no slowdown under load)",
          c.p50, first.p50));
    }
    out("== ratios");
    ratios.forEach(r -> out("RATIO " + r));

    String md = Markdown.section(this, deployPath, destroyPath, parallel, baseline, p, b, concurrency, ratios,
        loadBefore, loadAfter);
    if (opt.out != null) {
      Files.createDirectories(opt.out.toAbsolutePath().getParent());
      Files.writeString(opt.out, md);
      out("== markdown section written to " + opt.out);
    }
  }

  // ---- the gateway topology: deploy against its critical path, a few runs ----

  /** {@code --topology gateway}: the parallel configuration only, {@code --runs} fresh stacks, one deploy each. */
  private void gateway(String loadBefore) throws Exception {
    DeployRequest sample = request("bench-g", "g", profile.iamPropagation());
    CriticalPath path = CriticalPath.gatewayDeploy(profile, sample);
    out("== critical path (GatewayTopology's graph weighted with LatencyProfile " + opt.latency
        + "; every other node, a quick call, counts 0)");
    out("deploy:  " + path.formula());
    if (opt.criticalPathOnly) {
      return;
    }
    Config parallel = new Config("parallel", load(DEPLOY_IMPL), load(DESTROY_IMPL), productionPolling(),
        profile.iamPropagation());
    warmUp(parallel);
    List<Single> runs = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    for (int i = 1; i <= opt.runs; i++) {
      loads.add(loadAverage());
      runs.add(single(parallel, "g" + i));
    }
    String loadAfter = loadAverage();
    out("load average at the end: " + loadAfter);
    out("== ratios");
    List<String> ratios = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      ratios.add(ratio("gateway deploy run " + (i + 1) + ": wall %s / critical path %s = %.2f (load average "
          + loads.get(i) + " before it)", runs.get(i).deploy.millis(), path.total().toMillis()));
    }
    List<Long> walls = runs.stream().map(r -> r.deploy.millis()).sorted().toList();
    ratios.add(ratio("gateway deploy median: wall %s / critical path %s = %.2f (1 is the floor)",
        percentile(walls, 0.50), path.total().toMillis()));
    ratios.forEach(r -> out("RATIO " + r));
    if (opt.out != null) {
      Files.createDirectories(opt.out.toAbsolutePath().getParent());
      Files.writeString(opt.out, Markdown.gateway(this, path, parallel, runs, ratios, loadBefore, loadAfter));
      out("== markdown section written to " + opt.out);
    }
  }

  // ---- one deploy and its destroy ----

  /** Loads and compiles the code paths once, on an instant-latency stack: nothing measured. */
  private void warmUp(Config config) throws Exception {
    long t0 = System.nanoTime();
    try (Stack stack = Stack.start(this, config, "instant")) {
      DeployRequest req = request("bench-warmup", "w", Duration.ZERO);
      stack.deploy(req);
      stack.destroy(destroyRequest(req));
    }
    out(String.format(Locale.ROOT, "== warm-up: one deploy and destroy on an instant-latency stack, not measured"
        + " (%.1f s)", (System.nanoTime() - t0) / 1e9));
  }

  record Single(Config config, Run deploy, CallCounts deployCalls, int deployEvents, Run destroy,
      CallCounts destroyCalls, int destroyEvents) {}

  private Single single(Config config, String tag) throws Exception {
    out("== " + config.name + ": " + config.describe());
    try (Stack stack = Stack.start(this, config)) {
      DeployRequest req = request("bench-" + tag, tag, config.iamPropagation);
      long seq = stack.lastSeq();
      Run deploy = stack.deploy(req);
      List<HistoryEvent> deployHistory = stack.history(deploy);
      CallCounts deployCalls = CallCounts.of(stack.requestsAfter(seq), deployHistory);
      out(line("deploy ", deploy, deployHistory.size(), deployCalls));

      seq = stack.lastSeq();
      Run destroy = stack.destroy(destroyRequest(req));
      List<HistoryEvent> destroyHistory = stack.history(destroy);
      CallCounts destroyCalls = CallCounts.of(stack.requestsAfter(seq), destroyHistory);
      out(line("destroy", destroy, destroyHistory.size(), destroyCalls));
      return new Single(config, deploy, deployCalls, deployHistory.size(), destroy, destroyCalls,
          destroyHistory.size());
    }
  }

  private static String line(String what, Run run, int events, CallCounts calls) {
    return String.format(Locale.ROOT, "%s wall %6.2f s, history %d events, AWS calls %d (describe %d, poll %d,"
        + " mutate %d; %d answered with an error), health checks %d: %s", what, run.millis() / 1000.0, events, calls.total(),
        calls.describe(), calls.poll(), calls.mutate(), calls.rejected(), calls.health(), calls.byOperation());
  }

  // ---- N at once ----

  record Concurrent(int n, long totalMillis, long p50, long p99, long max, long peakHeap, long heapBefore,
      long maxAfterGc, long heapAfter, long collections) {}

  private Concurrent concurrent(Stack stack, Config config, int n) {
    long heapBefore = heap.reset();
    List<CompletableFuture<Long>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      String tag = String.format(Locale.ROOT, "c%d-%03d", n, i);
      DeployRequest req = request("bench-" + tag, tag, config.iamPropagation);
      long start = System.nanoTime();
      WorkflowStub stub = stack.startDeploy(req);
      done.add(stub.getResultAsync(DeploySummary.class).thenApply(s -> {
        long millis = (System.nanoTime() - start) / 1_000_000;
        requireSucceeded(s, req);
        return millis;
      }));
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    long total = (System.nanoTime() - t0) / 1_000_000;
    long peak = heap.peak();
    long maxAfterGc = heap.maxAfterGc();
    long collections = heap.collections();
    long heapAfter = HeapWatch.collectedHeap();
    List<Long> millis = done.stream().map(CompletableFuture::join).sorted().toList();
    return new Concurrent(n, total, percentile(millis, 0.50), percentile(millis, 0.99), millis.get(n - 1), peak,
        heapBefore, maxAfterGc, heapAfter, collections);
  }

  /** Nearest rank. */
  static long percentile(List<Long> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  // ---- requests ----

  DeployRequest request(String deployment, String tag, Duration iamPropagation) {
    return DeployRequest.builder(deployment, REGION, credentials).topology(opt.topology).names(names(tag))
        .onFailure(OnFailure.ROLLBACK)
        .iamPropagation(iamPropagation).build();
  }

  /** Deletes what {@code req} made: same deployment, same names, nothing kept. */
  static DestroyRequest destroyRequest(DeployRequest req) {
    return DestroyRequest.builder(req.deploymentName(), REGION).topology(req.topology()).names(req.names()).build();
  }

  /** The spec's names with this deployment's tag: nothing is shared between two deployments. */
  static ResourceNames names(String tag) {
    ResourceNames d = ResourceNames.defaults();
    return new ResourceNames(d.harness() + "_" + tag.replace('-', '_'), d.harnessRole() + "-" + tag,
        d.apiKeyProvider() + "-" + tag, d.cluster() + "-" + tag, d.service() + "-" + tag,
        d.taskExecutionRole() + "-" + tag, d.infrastructureRole() + "-" + tag, d.logGroup() + "-" + tag,
        "zscaler-mcp-harness/" + tag + "/credentials");
  }

  static void requireSucceeded(DeploySummary s, DeployRequest req) {
    if (s == null || s.status() != DeployStatus.SUCCEEDED) {
      throw new IllegalStateException("deploy of " + req.key() + " did not succeed: " + s);
    }
  }

  // ---- configuration ----

  /** One phase's worker: which implementations, how waits pace themselves, the role wait. */
  record Config(String name, Class<?> deployImpl, Class<?> destroyImpl, Pacing polling, Duration iamPropagation) {
    String describe() {
      return "deploy " + deployImpl.getSimpleName() + ", destroy " + destroyImpl.getSimpleName() + ", polling "
          + polling.name + ", DeployRequest.iamPropagation " + CriticalPath.s(iamPropagation);
    }
  }

  record Pacing(String name, Polling polling) {}

  /** What the production worker uses ({@code WorkerMain}: {@code Polling.real()}). */
  private Pacing productionPolling() throws ReflectiveOperationException {
    if ("local".equals(opt.parallelPolling)) {
      return new Pacing("LocalStack default (every wait polls each 1 s)", null);
    }
    return new Pacing("Polling.real()", (Polling) Polling.class.getMethod("real").invoke(null));
  }

  /** The original tool's: sleep exactly each WaitSpec's interval. */
  static Pacing seedPolling() throws ReflectiveOperationException {
    try {
      return new Pacing("Polling.seed()", (Polling) Polling.class.getMethod("seed").invoke(null));
    } catch (NoSuchMethodException e) {
      // before Polling.seed(): no interval override sleeps exactly the WaitSpec's interval
      return new Pacing("new Polling(systemUTC, Sleeper.real(), null) (the seed's intervals)",
          (Polling) Polling.class.getConstructor(Clock.class, Sleeper.class, Duration.class)
              .newInstance(Clock.systemUTC(), Sleeper.real(), null));
    }
  }

  /** Said when the parallel graph has not landed yet: both phases then run the same walk. */
  static String sameImplementation(Config parallel) {
    return "parallel and baseline run the same deploy implementation (" + parallel.deployImpl.getName() + "; no "
        + SEQUENTIAL_DEPLOY_IMPL.substring(SEQUENTIAL_DEPLOY_IMPL.lastIndexOf('.') + 1) + " on the classpath), so"
        + " they differ only in the role wait and the pacing of waits";
  }

  static Class<?> load(String name) throws ClassNotFoundException {
    return Class.forName(name);
  }

  static Class<?> firstPresent(String... names) throws ClassNotFoundException {
    for (String n : names) {
      try {
        return Class.forName(n);
      } catch (ClassNotFoundException e) {
        // next
      }
    }
    throw new ClassNotFoundException(String.join(", ", names));
  }

  // ---- the stack of one phase ----

  record Run(String workflowId, String runId, long millis) {}

  static final class Stack implements AutoCloseable {
    final LocalStack local;
    final WorkflowServiceStubs service;
    final WorkflowClient client;

    private Stack(LocalStack local) {
      this.local = local;
      this.service = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(local.temporalAddress()).build());
      this.client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    }

    static Stack start(DeployBench bench, Config config) {
      return start(bench, config, bench.opt.latency);
    }

    static Stack start(DeployBench bench, Config config, String latency) {
      LocalStack.Builder b = LocalStack.builder().temporalPort(0).awsPort(0).latency(latency)
          .worker(bench.key).workflows(List.of(config.deployImpl, config.destroyImpl));
      if (config.polling.polling != null) {
        b.polling(config.polling.polling);
      }
      return new Stack(b.start());
    }

    WorkflowStub startDeploy(DeployRequest req) {
      DeployWorkflow wf = client.newWorkflowStub(DeployWorkflow.class, options(req.key().workflowId()));
      WorkflowClient.start(wf::deploy, req);
      return WorkflowStub.fromTyped(wf);
    }

    Run deploy(DeployRequest req) {
      long t0 = System.nanoTime();
      WorkflowStub stub = startDeploy(req);
      DeploySummary s = stub.getResult(DeploySummary.class);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      requireSucceeded(s, req);
      WorkflowExecution ex = stub.getExecution();
      return new Run(ex.getWorkflowId(), ex.getRunId(), millis);
    }

    Run destroy(DestroyRequest req) {
      long t0 = System.nanoTime();
      DestroyWorkflow wf = client.newWorkflowStub(DestroyWorkflow.class, options(req.key().workflowId()));
      WorkflowClient.start(wf::destroy, req);
      WorkflowStub stub = WorkflowStub.fromTyped(wf);
      DestroyReport r = stub.getResult(DestroyReport.class);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      if (r.hasFailures()) {
        throw new IllegalStateException("destroy of " + req.key() + " failed: " + r.failures());
      }
      WorkflowExecution ex = stub.getExecution();
      return new Run(ex.getWorkflowId(), ex.getRunId(), millis);
    }

    List<HistoryEvent> history(Run run) {
      return client.fetchHistory(run.workflowId(), run.runId()).getEvents();
    }

    long lastSeq() {
      List<RequestLog.Entry> all = local.emulator().requests().find(null, null);
      return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    List<RequestLog.Entry> requestsAfter(long seq) {
      return local.emulator().requests().find(null, null).stream().filter(e -> e.seq() > seq).toList();
    }

    private static WorkflowOptions options(String workflowId) {
      return WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(workflowId)
          .setWorkflowRunTimeout(RUN_TIMEOUT).build();
    }

    @Override
    public void close() {
      service.shutdownNow();
      local.close();
    }
  }

  // ---- output ----

  Options options() {
    return opt;
  }

  LatencyProfile profile() {
    return profile;
  }

  private void out(String line) {
    System.out.println(line);
    System.out.flush();
    log.add(line);
  }

  List<String> consoleLines() {
    return log;
  }

  static String ratio(String format, long a, long b) {
    return String.format(Locale.ROOT, format, seconds(a), seconds(b), b == 0 ? Double.NaN : a / (double) b);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
  }

  static String jvmArgs() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-X") || a.startsWith("-XX:+Use")).collect(Collectors.joining(" "));
  }

  static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** Operation → count, merged over two runs, for the per-operation table. */
  static Map<String, int[]> merge(Map<String, Integer> a, Map<String, Integer> b) {
    Map<String, int[]> out = new TreeMap<>();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      out.put(k, new int[] {a.getOrDefault(k, 0), b.getOrDefault(k, 0)});
    }
    return out;
  }

  static final class Options {
    List<Integer> ns = List.of(1, 10, 50, 100);
    Topology topology = Topology.ECS;
    int runs = 3;
    String latency = "realistic";
    String parallelPolling = "real";
    Path out;
    String git = "?";
    String command = "bench/deploy-bench.sh";
    boolean criticalPathOnly;
    boolean concurrencyOnly;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String v = i + 1 < args.length ? args[i + 1] : null;
        if (args[i].equals("--critical-path-only")) {
          o.criticalPathOnly = true;
          continue;
        }
        if (args[i].equals("--concurrency-only")) {
          o.concurrencyOnly = true;
          continue;
        }
        switch (args[i]) {
          case "--ns" -> o.ns = java.util.Arrays.stream(v.split(",")).map(String::trim).map(Integer::valueOf).toList();
          case "--latency" -> o.latency = v;
          case "--topology" -> o.topology = Topology.valueOf(v.toUpperCase(Locale.ROOT));
          case "--runs" -> o.runs = Integer.parseInt(v);
          case "--parallel-polling" -> o.parallelPolling = v;
          case "--out" -> o.out = Path.of(v);
          case "--git" -> o.git = v;
          case "--command" -> o.command = v;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      return o;
    }
  }
}
