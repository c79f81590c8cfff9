package io.harnessdeployer.bench.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Issue 13's reliability suite: every section's cases across K lanes (each a local stack process
 * with its own workers and clients), one line per case, then exactly {@code N passed, N failed}.
 * Run it with bench/reliability.sh.
 */
public final class ReliabilitySuite {
  /** Every section, in report order: each helper adds its line here. */
  static List<Section> sections() {
    List<Section> all = new ArrayList<>();
    // one line per section (rel-crash, rel-faults, rel-ops): all.add(new XSection());
    all.add(new CrashSection());
    all.add(new FaultSection());
    all.add(new CliDeathSection());
    all.add(new OperatorsSection());
    all.add(new FuzzSection());
    return all;
  }

  private ReliabilitySuite() {}

  public static void main(String[] args) throws Exception {
    Options opt = Options.parse(args);
    long t0 = System.nanoTime();
    List<Job> jobs = new ArrayList<>();
    for (Section s : sections()) {
      if (opt.only == null || opt.only.contains(s.name())) {
        s.cases(opt.fast, opt.seed).stream().filter(c -> opt.match == null
                || java.util.Arrays.stream(opt.match.split("\\|")).anyMatch(c.name()::contains))
            .forEach(c -> jobs.add(new Job(s.name(), c)));
      }
    }
    if (opt.list) {
      jobs.forEach(j -> System.out.println(j.section() + "/" + j.c().name()));
      return;
    }
    System.out.printf("reliability: %d cases on %d lanes, seed %d%s%n", jobs.size(), opt.lanes, opt.seed,
        opt.fast ? ", fast" : "");
    List<Outcome> outcomes = run(opt, jobs);
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    long passed = outcomes.stream().filter(Outcome::passed).count();
    String totals = passed + " passed, " + (outcomes.size() - passed) + " failed";
    if (opt.write) {
      Path doc = opt.root.resolve("docs/reliability.md");
      Map<String, Integer> tries = new java.util.LinkedHashMap<>();
      jobs.forEach(j -> tries.merge(j.section(), j.c().tries(), Integer::sum));
      Files.writeString(doc, Report.markdown(outcomes, tries, opt.seed, opt.command, wallMs, totals));
      System.out.println("wrote " + doc);
    }
    System.out.printf("wall time %.1f s%n", wallMs / 1000.0);
    System.out.println(totals);
    System.exit(passed == outcomes.size() ? 0 : 1);
  }

  record Job(String section, Section.Case c) {}

  /** Each lane thread takes the next case until none is left; results in the cases' order. */
  private static List<Outcome> run(Options opt, List<Job> jobs) throws Exception {
    ConcurrentLinkedQueue<Integer> next = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < jobs.size(); i++) next.add(i);
    Outcome[] results = new Outcome[jobs.size()];
    ExecutorService pool = Executors.newFixedThreadPool(opt.lanes);
    List<Future<?>> lanes = new ArrayList<>();
    for (int l = 0; l < Math.min(opt.lanes, jobs.size()); l++) {
      int index = l;
      lanes.add(pool.submit(() -> {
        try (Lane lane = new Lane(index, opt.root, opt.work.resolve("lane-" + index))) {
          if (index == 0 && !opt.fast && jobs.size() > 1) {
            System.out.println(lane.trainWorkerArchive());
          }
          for (Integer i; (i = next.poll()) != null; ) {
            results[i] = runOne(lane, jobs.get(i));
          }
        }
        return null;
      }));
    }
    List<String> laneErrors = new ArrayList<>();
    for (Future<?> f : lanes) {
      try {
        f.get();
      } catch (Exception e) {
        laneErrors.add(String.valueOf(e.getCause() != null ? e.getCause() : e));
      }
    }
    pool.shutdown();
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Job j = jobs.get(i);
      out.add(Optional.ofNullable(results[i]).orElseGet(() -> line(Outcome.failed(j.section(), j.c().name(),
          "never ran: " + String.join("; ", laneErrors)), 0)));
    }
    return Collections.unmodifiableList(out);
  }

  private static Outcome runOne(Lane lane, Job job) {
    long t0 = System.nanoTime();
    Outcome o;
    try {
      o = job.c().run().apply(lane);
    } catch (RuntimeException | AssertionError e) {
      o = Outcome.failed(job.section(), job.c().name(), e.toString());
    }
    try {
      lane.afterCase(o.passed());
    } catch (RuntimeException e) {
      o = Outcome.failed(job.section(), job.c().name(), "lane not reusable after the case: " + e + "; " + o.detail());
    }
    return line(o, (System.nanoTime() - t0) / 1_000_000);
  }

  private static synchronized Outcome line(Outcome o, long ms) {
    String detail = o.detail() == null ? "" : o.detail();
    if (o.passed() && detail.length() > 200) detail = detail.substring(0, 200) + "…";
    System.out.printf("%s %s/%s (%.1f s) lost %d, duplicated %d, orphaned %d%s%n", o.passed() ? "PASS" : "FAIL",
        o.section(), o.name(), ms / 1000.0, o.lost(), o.duplicated(), o.orphaned(), detail.isEmpty() ? "" : ": " + detail);
    System.out.flush();
    return o;
  }

  static final class Options {
    boolean fast;
    boolean write;
    boolean list;
    long seed = 13;
    int lanes = 4;
    /** {@code --only a,b}: those sections; null: all. */
    List<String> only;
    String match;
    Path root = Path.of(System.getProperty("reliability.root", ".")).toAbsolutePath().normalize();
    Path work;
    String command = "bench/reliability.sh";

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--fast" -> o.fast = true;
          case "--write" -> o.write = true;
          case "--list" -> o.list = true;
          case "--seed" -> o.seed = Long.parseLong(args[++i]);
          case "--lanes" -> o.lanes = Integer.parseInt(args[++i]);
          case "--only" -> o.only = List.of(args[++i].split(","));
          case "--match" -> o.match = args[++i];
          case "--command" -> o.command = args[++i];
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (o.lanes < 1) throw new IllegalArgumentException("--lanes must be at least 1");
      Map<String, Section> byName = sections().stream().collect(Collectors.toMap(Section::name, s -> s));
      if (o.only != null && !byName.keySet().containsAll(o.only)) {
        throw new IllegalArgumentException("--only " + o.only + ": sections are " + byName.keySet());
      }
      o.work = o.root.resolve("bench/target/reliability");
      return o;
    }
  }
}
