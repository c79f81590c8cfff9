package io.harnessdeployer.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One local stack process ({@code bin/client dev --no-worker} on free ports) with its own state
 * directory and seal key, plus the worker and client processes a case starts against it.
 */
public final class Lane implements AutoCloseable {
  /** The region of every lane: its clients' and workers' AWS_REGION, and every case's deployments. */
  static final String REGION = "us-east-1";
  private static final Pattern TEMPORAL = Pattern.compile("TEMPORAL_ADDRESS=(\\S+)");
  private static final Pattern AWS = Pattern.compile("AWS_ENDPOINT_URL=(\\S+)");
  private static final Duration START = Duration.ofSeconds(120);

  private final int index;
  private final Path root;
  private final Path dir;
  private final Map<String, String> env;
  private final Process stack;
  private final String temporalAddress;
  private final URI awsEndpoint;
  private final EmulatorControl control;
  private final TemporalQueries temporal;
  private final List<WorkerProcess> workers = new ArrayList<>();
  /** The class-data archive every lane's workers start from once it exists (bin/worker WORKER_CDS_*). */
  private final Path workerArchive;
  /** The lane's long-lived worker for cases that never kill one: warm, sticky, kept between cases. */
  private WorkerProcess shared;
  private final AtomicInteger runs = new AtomicInteger();

  /**
   * @param root the checkout (bin/client, bin/worker)
   * @param dir this lane's own directory: state, logs
   * @param devArgs extra {@code client dev} flags, e.g. {@code --latency ...}
   */
  public Lane(int index, Path root, Path dir, String... devArgs) {
    this.index = index;
    this.root = root;
    this.dir = dir;
    try {
      Files.createDirectories(dir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env = baseEnv(dir);
    workerArchive = dir.getParent().resolve("worker.jsa");
    List<String> cmd = new ArrayList<>(List.of(root.resolve("bin/client").toString(), "dev",
        "--temporal-port", "0", "--aws-port", "0", "--no-worker"));
    cmd.addAll(List.of(devArgs));
    Path out = dir.resolve("logs/stack.out");
    stack = start(cmd, env, out, dir.resolve("logs/stack.err"));
    String text = awaitOutput(stack, out, "AWS_ENDPOINT_URL=", START);
    temporalAddress = group(TEMPORAL, text);
    awsEndpoint = URI.create(group(AWS, text));
    control = new EmulatorControl(awsEndpoint);
    temporal = new TemporalQueries(temporalAddress);
  }

  private static Map<String, String> baseEnv(Path dir) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("TEMPORAL_") || k.startsWith("HARNESS_DEPLOYER_")
        || k.startsWith("ZSCALER_"));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    env.put("HARNESS_DEPLOYER_SEAL_KEY", Base64.getEncoder().encodeToString(key));
    env.put("HARNESS_DEPLOYER_HOME", dir.resolve("state").toString());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", REGION);
    env.put("ZSCALER_CLIENT_ID", "rel-client");
    env.put("ZSCALER_CLIENT_SECRET", "Rel-Zscaler-Secret-" + Integer.toHexString(new SecureRandom().nextInt()));
    env.put("ZSCALER_CUSTOMER_ID", "8675309");
    env.put("ZSCALER_VANITY_DOMAIN", "acme");
    env.put("MAVEN_ARGS", "-o"); // reliability.sh built everything: never build from a lane
    return env;
  }

  public int index() {
    return index;
  }

  public String temporalAddress() {
    return temporalAddress;
  }

  public URI awsEndpoint() {
    return awsEndpoint;
  }

  /** This lane's HARNESS_DEPLOYER_HOME (its local-stack.json is its own). */
  public Path home() {
    return dir.resolve("state");
  }

  /** The environment its workers and clients run with (seal key, Zscaler credentials, endpoints). */
  public Map<String, String> env() {
    Map<String, String> e = new HashMap<>(env);
    e.put("TEMPORAL_ADDRESS", temporalAddress);
    e.put("AWS_ENDPOINT_URL", awsEndpoint.toString());
    return e;
  }

  public EmulatorControl control() {
    return control;
  }

  public TemporalQueries temporal() {
    return temporal;
  }

  /**
   * A {@code bin/worker} process of the case's own, with no sticky queue (Temporal's test server
   * never hands a dead worker's sticky tasks back) and no metrics port; returns once it polls. The
   * shared worker stops first, so this one gets the case's tasks.
   */
  public WorkerProcess startWorker() {
    noWorker();
    WorkerProcess w = launchWorker(false, Map.of());
    synchronized (workers) {
      workers.add(w);
    }
    return w;
  }

  /**
   * The lane's shared worker, started if there is none: for cases that crash no worker, so a case
   * costs a deploy on a warm JVM instead of a JVM start and its warm-up. Sticky, as in production:
   * no case kills it; a failed case does not hand it on ({@link #afterCase}).
   */
  public WorkerProcess sharedWorker() {
    if (shared == null || !shared.alive()) {
      shared = launchWorker(true, Map.of());
    }
    return shared;
  }

  /** No worker polls the lane's queue from now on (a case that starts its own, or wants none). */
  public void noWorker() {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  /**
   * Writes the class-data archive the lanes' workers start from (about half a cold worker's CPU, and
   * the suite starts a hundred and more): a worker deploys and destroys both topologies, then stops
   * on SIGTERM, which writes it. Returns what happened; on a failure workers start without it.
   */
  String trainWorkerArchive() {
    Path training = workerArchive.resolveSibling("worker.jsa.training");
    long t0 = System.nanoTime();
    List<String> failed = new ArrayList<>();
    try {
      WorkerProcess w = launchWorker(false, Map.of("WORKER_CDS_TRAIN", training.toString()));
      try {
        for (String topology : List.of("ecs", "gateway")) {
          String name = "rel-cds-" + topology;
          for (String[] args : List.of(new String[] {"deploy", "--name", name, "--topology", topology, "--yes"},
              new String[] {"destroy", "--name", name, "--yes"})) {
            ClientRun r = client(args);
            if (r.exitCode() != 0) failed.add(String.join(" ", args) + ": exit " + r.exitCode());
          }
        }
      } finally {
        w.stop();
      }
      if (failed.isEmpty() && Files.size(training) > 0) {
        Files.move(training, workerArchive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return String.format("worker class-data archive written in %.1f s", (System.nanoTime() - t0) / 1e9);
      }
    } catch (IOException | RuntimeException e) {
      failed.add(e.toString());
    } finally {
      control.reset();
    }
    return "no worker class-data archive, workers start without it: " + failed;
  }

  private WorkerProcess launchWorker(boolean sticky, Map<String, String> extra) {
    Map<String, String> e = env();
    e.put("HARNESS_DEPLOYER_STICKY_WORKFLOWS", String.valueOf(sticky));
    if (Files.exists(workerArchive)) e.put("WORKER_CDS_ARCHIVE", workerArchive.toString());
    e.putAll(extra);
    e.put("HARNESS_DEPLOYER_METRICS_PORT", "0");
    // C1 only: a worker of the suite lives for seconds, so a fast start beats peak speed (2 cores, many lanes)
    e.putIfAbsent("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k");
    int n = runs.incrementAndGet();
    Path log = dir.resolve("logs/worker-" + n + ".log");
    WorkerProcess w = new WorkerProcess(start(List.of(root.resolve("bin/worker").toString()), e, log, log), log);
    awaitOutput(w.process(), log, "worker polling", START);
    return w;
  }

  /**
   * A process of the lane's exit code, or empty when it still ran after {@code timeout} and was
   * killed; -1 when the wait was interrupted.
   */
  static java.util.OptionalInt exitWithin(Process p, Duration timeout) {
    try {
      if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return java.util.OptionalInt.of(p.exitValue());
      }
      p.destroyForcibly().waitFor();
      return java.util.OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.OptionalInt.of(-1);
    }
  }

  /** Runs {@code bin/client args...} in the lane's directory to its end. */
  public ClientRun client(String... args) {
    int n = runs.incrementAndGet();
    Path out = dir.resolve("logs/client-" + n + ".out");
    Path err = dir.resolve("logs/client-" + n + ".err");
    long t0 = System.nanoTime();
    Process p = clientProcess(out, err, args);
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return new ClientRun(p.exitValue(), read(out), read(err), (System.nanoTime() - t0) / 1_000_000);
  }

  /** Starts {@code bin/client args...}; output goes to logs/client-N.{out,err} of the lane. */
  public Process clientAsync(String... args) {
    int n = runs.incrementAndGet();
    return clientProcess(dir.resolve("logs/client-" + n + ".out"), dir.resolve("logs/client-" + n + ".err"), args);
  }

  /** Like {@link #clientAsync}, with its output files, for a case that waits for a line or signals it. */
  public AsyncClient startClient(String... args) {
    int n = runs.incrementAndGet();
    Path out = dir.resolve("logs/client-" + n + ".out");
    Path err = dir.resolve("logs/client-" + n + ".err");
    return new AsyncClient(clientProcess(out, err, args), out, err);
  }

  private Process clientProcess(Path out, Path err, String... args) {
    List<String> cmd = new ArrayList<>(List.of(root.resolve("bin/client").toString()));
    cmd.addAll(List.of(args));
    return start(cmd, env(), out, err);
  }

  /**
   * After each case: kills the workers it started and clears its faults. After a failed case the
   * shared worker goes too, so nothing the case left running reaches the next one.
   */
  void afterCase(boolean passed) {
    synchronized (workers) {
      workers.forEach(WorkerProcess::close);
      workers.clear();
    }
    if (!passed) {
      noWorker();
    }
    control.clearFaults();
  }

  private Process start(List<String> cmd, Map<String, String> e, Path out, Path err) {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(e);
    pb.redirectOutput(out.toFile());
    if (out.equals(err)) {
      pb.redirectErrorStream(true);
    } else {
      pb.redirectError(err.toFile());
    }
    try {
      return pb.start();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot start " + cmd, ex);
    }
  }

  private static String awaitOutput(Process p, Path file, String marker, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      String text = read(file);
      if (text.contains(marker)) {
        return text;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("process exited (" + p.exitValue() + ") before \"" + marker + "\": " + text);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("no \"" + marker + "\" within " + timeout + ": " + read(file));
  }

  static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + p + " in: " + text);
    }
    return m.group(1);
  }

  /** Stops the workers, then the stack (SIGTERM: it removes its discovery file). */
  @Override
  public void close() {
    afterCaseQuietly();
    temporal.close();
    stack.destroy();
    try {
      if (!stack.waitFor(30, TimeUnit.SECONDS)) {
        stack.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      stack.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void afterCaseQuietly() {
    try {
      afterCase(false);
    } catch (RuntimeException e) {
      // the stack may be gone already
    }
  }

  @Override
  public String toString() {
    return "lane " + index + " (Temporal " + temporalAddress + ", AWS " + awsEndpoint + ", " + dir + ")";
  }
}
