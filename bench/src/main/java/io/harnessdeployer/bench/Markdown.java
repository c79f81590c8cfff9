package io.harnessdeployer.bench;

import io.harnessdeployer.bench.DeployBench.Concurrent;
import io.harnessdeployer.bench.DeployBench.Config;
import io.harnessdeployer.bench.DeployBench.Single;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results section of docs/benchmarks.md, from one run's numbers. */
final class Markdown {
  private Markdown() {}

  static String section(DeployBench bench, CriticalPath deployPath, CriticalPath destroyPath, Config parallel,
      Config baseline, Single p, Single b, List<Concurrent> concurrency, List<String> ratios, String loadBefore,
      String loadAfter) {
    DeployBench.Options opt = bench.options();
    StringBuilder md = new StringBuilder();
    md.append("### Results\n\n");
    md.append("Measured on commit `").append(opt.git).append("` with `").append(opt.command).append("`, latency profile `")
        .append(opt.latency).append("`, in one run.\n\n");
    md.append("Machine: `nproc` = ").append(Runtime.getRuntime().availableProcessors()).append(", CPU `")
        .append(DeployBench.cpu()).append("`, Java ").append(System.getProperty("java.runtime.version"))
        .append(", bench JVM `").append(DeployBench.jvmArgs()).append("` (heap max ")
        .append(DeployBench.mib(HeapWatch.maxHeap())).append(", collectors ").append(HeapWatch.collectorNames())
        .append("). Load average ").append(loadBefore).append(" at the start, ").append(loadAfter)
        .append(" at the end (the machine is shared).\n\n");
    md.append("- **parallel**: ").append(parallel.describe()).append(".\n");
    md.append("- **baseline**: ").append(baseline.describe()).append(".\n");
    if (parallel.deployImpl() == baseline.deployImpl()) {
      md.append("- **Note**: ").append(DeployBench.sameImplementation(parallel)).append(".\n");
    }
    md.append('\n');

    md.append("| ecs topology | wall | critical path | ratio |\n| --- | --- | --- | --- |\n");
    row(md, "deploy", DeployBench.seconds(p.deploy().millis()), deployPath.formula(),
        f2(p.deploy().millis() / (double) deployPath.total().toMillis()));
    row(md, "destroy", DeployBench.seconds(p.destroy().millis()), destroyPath.formula(),
        f2(p.destroy().millis() / (double) destroyPath.total().toMillis()));
    md.append('\n');

    md.append("| per run | parallel | baseline | parallel / baseline |\n| --- | --- | --- | --- |\n");
    row(md, "deploy wall", DeployBench.seconds(p.deploy().millis()), DeployBench.seconds(b.deploy().millis()),
        f2(p.deploy().millis() / (double) b.deploy().millis()));
    counts(md, "deploy", p.deployCalls(), b.deployCalls());
    row(md, "deploy: history events", p.deployEvents(), b.deployEvents(), f2(p.deployEvents() / (double) b.deployEvents()));
    row(md, "destroy wall", DeployBench.seconds(p.destroy().millis()), DeployBench.seconds(b.destroy().millis()),
        f2(p.destroy().millis() / (double) b.destroy().millis()));
    counts(md, "destroy", p.destroyCalls(), b.destroyCalls());
    row(md, "destroy: history events", p.destroyEvents(), b.destroyEvents(),
        f2(p.destroyEvents() / (double) b.destroyEvents()));
    md.append('\n');

    md.append("| N deploys at once, one worker | total wall | p50 | p99 | max | peak heap | heap after GC:"
        + " before / largest during / end |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Concurrent c : concurrency) {
      row(md, "N = " + c.n(), DeployBench.seconds(c.totalMillis()), DeployBench.seconds(c.p50()),
          DeployBench.seconds(c.p99()), DeployBench.seconds(c.max()), DeployBench.mib(c.peakHeap()),
          DeployBench.mib(c.heapBefore()) + " / " + (c.collections() == 0 ? "no GC" : DeployBench.mib(c.maxAfterGc())) + " / "
              + DeployBench.mib(c.heapAfter()));
    }
    md.append('\n');

    md.append("<details><summary>AWS calls per operation (kind, service.operation)</summary>\n\n");
    md.append("| call | parallel deploy | baseline deploy | parallel destroy | baseline destroy |\n"
        + "| --- | --- | --- | --- | --- |\n");
    Map<String, int[]> deploy = DeployBench.merge(p.deployCalls().byOperation(), b.deployCalls().byOperation());
    Map<String, int[]> destroy = DeployBench.merge(p.destroyCalls().byOperation(), b.destroyCalls().byOperation());
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(deploy.keySet());
    keys.addAll(destroy.keySet());
    for (String k : keys) {
      int[] d = deploy.getOrDefault(k, new int[2]);
      int[] x = destroy.getOrDefault(k, new int[2]);
      row(md, "`" + k + "`", d[0], d[1], x[0], x[1]);
    }
    md.append("\n</details>\n\n");

    md.append("The bench's own lines:\n\n```\n");
    ratios.forEach(r -> md.append("RATIO ").append(r).append('\n'));
    md.append("```\n");
    return md.toString();
  }

  /** The gateway section: one row per run, deploy against the critical path. */
  static String gateway(DeployBench bench, CriticalPath path, Config parallel, List<Single> runs, List<String> ratios,
      String loadBefore, String loadAfter) {
    DeployBench.Options opt = bench.options();
    StringBuilder md = new StringBuilder("### Results: gateway topology\n\n");
    md.append("Measured on commit `").append(opt.git).append("` with `").append(opt.command).append("`, latency profile `")
        .append(opt.latency).append("`, ").append(runs.size()).append(" runs (a fresh stack each). Load average ")
        .append(loadBefore).append(" at the start, ").append(loadAfter).append(" at the end (the machine is shared).\n\n");
    md.append("- ").append(parallel.describe()).append(".\n- critical path: ").append(path.formula()).append(".\n\n");
    md.append("| run | deploy wall | ratio | AWS calls (describe / poll / mutate; errors) | history events | destroy wall |\n"
        + "| --- | --- | --- | --- | --- | --- |\n");
    for (int i = 0; i < runs.size(); i++) {
      Single r = runs.get(i);
      CallCounts c = r.deployCalls();
      row(md, i + 1, DeployBench.seconds(r.deploy().millis()), f2(r.deploy().millis() / (double) path.total().toMillis()),
          c.total() + " (" + c.describe() + " / " + c.poll() + " / " + c.mutate() + "; " + c.rejected() + ")",
          r.deployEvents(), DeployBench.seconds(r.destroy().millis()));
    }
    md.append("\nThe bench's own lines:\n\n```\n");
    ratios.forEach(r -> md.append("RATIO ").append(r).append('\n'));
    return md.append("```\n").toString();
  }

  private static void counts(StringBuilder md, String what, CallCounts p, CallCounts b) {
    row(md, what + ": AWS calls", p.total(), b.total(), f2(p.total() / (double) b.total()));
    row(md, "&nbsp;&nbsp;describe", p.describe(), b.describe(), ratio(p.describe(), b.describe()));
    row(md, "&nbsp;&nbsp;poll", p.poll(), b.poll(), ratio(p.poll(), b.poll()));
    row(md, "&nbsp;&nbsp;mutate", p.mutate(), b.mutate(), ratio(p.mutate(), b.mutate()));
    row(md, "&nbsp;&nbsp;of these, answered with an error (not-found lookups, unpropagated roles)", p.rejected(), b.rejected(),
        ratio(p.rejected(), b.rejected()));
    row(md, what + ": health checks (GET /health, not AWS)", p.health(), b.health(), ratio(p.health(), b.health()));
  }

  private static String ratio(int a, int b) {
    return b == 0 ? "" : f2(a / (double) b);
  }

  private static void row(StringBuilder md, Object... cells) {
    md.append('|');
    for (Object c : cells) {
      md.append(' ').append(c).append(" |");
    }
    md.append('\n');
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
