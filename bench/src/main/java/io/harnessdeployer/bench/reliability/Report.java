package io.harnessdeployer.bench.reliability;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/reliability.md: what the last run tried and lost, per section, with seed, command and machine. */
final class Report {
  private Report() {}

  /** {@code tries}: per section, how many of what it counts (crash points, faults, inputs) its cases tried. */
  static String markdown(List<Outcome> outcomes, Map<String, Integer> tries, long seed, String command, long wallMs,
      String totals) {
    Map<String, String> tried = new LinkedHashMap<>();
    ReliabilitySuite.sections().forEach(s -> tried.put(s.name(), s.tried()));
    Map<String, int[]> rows = new LinkedHashMap<>(); // cases, passed, lost, duplicated, orphaned
    for (Outcome o : outcomes) {
      int[] r = rows.computeIfAbsent(o.section(), k -> new int[5]);
      r[0]++;
      r[1] += o.passed() ? 1 : 0;
      r[2] += o.lost();
      r[3] += o.duplicated();
      r[4] += o.orphaned();
    }
    int[] all = new int[5];
    StringBuilder md = new StringBuilder();
    md.append("# Reliability suite: the last run\n\n")
        .append("Written by `").append(command).append("` (issue 13): real processes (a `client dev --no-worker`")
        .append(" stack per lane, `bin/worker` and `bin/client` processes) against the AWS emulator.")
        .append(" Lost: a resource an operation lost track of. Duplicated: more than one successful create of one")
        .append(" resource (emulator request log). Orphaned: ours left after destroy or rollback. Each must be 0.\n\n")
        .append("| Section | Tried | Cases | Passed | Failed | Lost | Duplicated | Orphaned |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach((name, r) -> {
      for (int i = 0; i < 5; i++) all[i] += r[i];
      md.append("| ").append(name).append(" | ").append(tries.getOrDefault(name, r[0])).append(" ")
          .append(tried.getOrDefault(name, "cases")).append(" | ").append(r[0])
          .append(" | ").append(r[1]).append(" | ").append(r[0] - r[1]).append(" | ").append(r[2]).append(" | ")
          .append(r[3]).append(" | ").append(r[4]).append(" |\n");
    });
    md.append("| **total** | | ").append(all[0]).append(" | ").append(all[1]).append(" | ").append(all[0] - all[1])
        .append(" | ").append(all[2]).append(" | ").append(all[3]).append(" | ").append(all[4]).append(" |\n\n");
    md.append("- Totals: `").append(totals).append("`\n")
        .append("- Seed: ").append(seed).append("\n")
        .append("- Command: `").append(command).append("`\n")
        .append("- Wall time: ").append(String.format("%.1f s", wallMs / 1000.0)).append("\n")
        .append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("os.name")).append(" ").append(System.getProperty("os.arch")).append(", Java ")
        .append(System.getProperty("java.version")).append("\n")
        .append("- Run at: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n");
    List<Outcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
    if (!failed.isEmpty()) {
      md.append("\n## Failed\n\n");
      failed.forEach(o -> md.append("- ").append(o.section()).append("/").append(o.name()).append(": ")
          .append(firstLine(o.detail())).append("\n"));
    }
    md.append("\n## Cases\n\n| Section | Case | Result | Lost | Duplicated | Orphaned |\n|---|---|---|---:|---:|---:|\n");
    outcomes.forEach(o -> md.append("| ").append(o.section()).append(" | ").append(o.name()).append(" | ")
        .append(o.passed() ? "pass" : "FAIL").append(" | ").append(o.lost()).append(" | ").append(o.duplicated())
        .append(" | ").append(o.orphaned()).append(" |\n"));
    return md.toString();
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String line = s.lines().findFirst().orElse("");
    return line.replace("|", "\\|");
  }
}
