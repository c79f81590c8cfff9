package io.harnessdeployer.emulator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator benchmark behind {@code bench/emulator-bench.sh}; not a test. Phases:
 * <ul>
 *   <li>{@code start [runs] [launcher...]}: cold starts in fresh JVMs, in-process ({@link StartProbe})
 *       and through the launcher (process start to its "listening" line and to the first answer);
 *   <li>{@code throughput <cpu> <threads> <warmup-s> <seconds> launcher...}: the launcher pinned to
 *       one core with {@code taskset}, closed-loop ECS DescribeClusters from this JVM.
 * </ul>
 * Each phase prints its numbers and the ratio to the bar (start under 2 s, 2,000 describe/s).
 */
public final class EmulatorBench {
  static final double START_BAR_MS = 2000;
  static final double THROUGHPUT_BAR = 2000;
  private static final Pattern LISTENING = Pattern.compile("listening on http://([^:/]+):(\\d+)");
  private static final Pattern START = Pattern.compile("START start_ms=([\\d.]+) first_answer_ms=([\\d.]+) jvm_uptime_ms=(\\d+)");

  private EmulatorBench() {}

  public static void main(String[] args) throws Exception {
    System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    switch (args.length == 0 ? "" : args[0]) {
      case "start" -> start(Integer.parseInt(args[1]), List.of(args).subList(2, args.length));
      case "throughput" -> throughput(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]),
          Double.parseDouble(args[4]), List.of(args).subList(5, args.length));
      default -> {
        System.err.println("usage: EmulatorBench start <runs> <launcher...> | throughput <cpu> <threads> <warmup-s> <seconds> <launcher...>");
        System.exit(2);
      }
    }
  }

  private static void start(int runs, List<String> launcher) throws Exception {
    double[] inProcess = new double[runs];
    double[] inProcessUptime = new double[runs];
    for (int i = 0; i < runs; i++) {
      Process p = new ProcessBuilder(javaCommand(StartProbe.class.getName())).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Matcher m = START.matcher(out);
      if (!m.find()) throw new IllegalStateException("StartProbe said: " + out);
      inProcess[i] = Double.parseDouble(m.group(2));
      inProcessUptime[i] = Double.parseDouble(m.group(3));
      System.out.printf("  in-process run %d: Emulator.start() %s ms, first answer %s ms, JVM uptime %s ms%n",
          i + 1, m.group(1), m.group(2), m.group(3));
    }
    report("in-process start: builder() to first answered request (fresh JVM)", inProcess);
    report("in-process start: JVM launch to first answered request", inProcessUptime);

    double[] listening = new double[runs];
    double[] answered = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      try (Server s = Server.start(launcher)) {
        listening[i] = (s.listeningAt - t0) / 1e6;
        try (RawAwsCall call = new RawAwsCall(s.host, s.port)) {
          int status = call.send(call.ecs("DescribeClusters", "{\"clusters\":[\"probe\"]}"));
          if (status != 200) throw new IllegalStateException("first DescribeClusters answered " + status);
        }
        answered[i] = (System.nanoTime() - t0) / 1e6;
        System.out.printf("  launcher run %d: listening %.0f ms, first answer %.0f ms%n", i + 1, listening[i], answered[i]);
      }
    }
    report("launcher: process start to \"listening\"", listening);
    double worst = report("launcher: process start to first answered request", answered);
    System.out.printf("RATIO start: bar %.0f ms / worst first answer %.0f ms = %.2f (>= 1 meets the bar)%n",
        START_BAR_MS, worst, START_BAR_MS / worst);
  }

  private static void throughput(int cpu, int threads, double warmup, double seconds, List<String> launcher) throws Exception {
    List<String> pinned = new ArrayList<>(List.of("taskset", "-c", String.valueOf(cpu)));
    pinned.addAll(launcher);
    try (Server s = Server.start(pinned)) {
      System.out.printf("server pid %d pinned to cpu %d: %s%n", s.process.pid(), cpu, Files.readString(
          Path.of("/proc/" + s.process.pid() + "/status")).lines().filter(l -> l.startsWith("Cpus_allowed_list")).findFirst().orElse("?"));
      DescribeLoad.prepare(s.host, s.port, "bench");
      DescribeLoad.Result r = DescribeLoad.run(s.host, s.port, "bench", threads, warmup, seconds);
      System.out.printf("throughput: %d threads, %d DescribeClusters in %.0f s = %.0f req/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms; errors %d%n",
          r.threads(), r.requests(), r.seconds(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.errors());
      System.out.printf("RATIO throughput: %.0f req/s / bar %.0f req/s = %.2f (>= 1 meets the bar)%n",
          r.perSecond(), THROUGHPUT_BAR, r.perSecond() / THROUGHPUT_BAR);
      if (r.errors() > 0) throw new IllegalStateException(r.errors() + " requests failed");
    }
  }

  private static double report(String what, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    double worst = sorted[sorted.length - 1];
    System.out.printf("%s: median %.0f ms, best %.0f ms, worst %.0f ms (%d runs)%n", what, median, sorted[0], worst, ms.length);
    return worst;
  }

  private static List<String> javaCommand(String mainClass) {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(java, "-cp", System.getProperty("java.class.path"), mainClass);
  }

  /** The emulator as a child process, up once it printed its "listening" line. */
  private static final class Server implements AutoCloseable {
    final Process process;
    final String host;
    final int port;
    final long listeningAt;

    private Server(Process process, String host, int port, long listeningAt) {
      this.process = process;
      this.host = host;
      this.port = port;
      this.listeningAt = listeningAt;
    }

    static Server start(List<String> command) throws IOException {
      List<String> full = new ArrayList<>(command);
      full.addAll(List.of("--port", "0"));
      ProcessBuilder pb = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().putAll(Map.of("MAVEN_ARGS", "-o"));
      Process p = pb.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = out.readLine()) != null; ) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          long at = System.nanoTime();
          Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "server-stdout");
          drain.setDaemon(true);
          drain.start();
          return new Server(p, m.group(1), Integer.parseInt(m.group(2)), at);
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("the emulator exited without a listening line: " + command);
    }

    @Override
    public void close() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }
}
