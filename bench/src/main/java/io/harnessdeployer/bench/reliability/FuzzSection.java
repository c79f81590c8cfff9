package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.bench.reliability.FuzzInput.Via;
import io.harnessdeployer.bench.reliability.FuzzRunner.Verdict;
import io.harnessdeployer.bench.reliability.FuzzSlots.Slot;
import io.harnessdeployer.bench.reliability.FuzzValues.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 13 part 5: seeded hostile values for every flag and settings key of {@code deploy}, and for
 * the flags of the read commands, each given as a flag, a variable or a settings-file line, each
 * run as its own {@code bin/client} process on its own deployment name. Every input must be
 * rejected (exit 2, one {@code error:} line of at most 200 characters, no workflow started) or
 * accepted and handled (no stack trace, exit 0 to 3, what reached the workflow is the value as
 * given). One case per command; its detail counts the inputs and lists the failing ones.
 */
public final class FuzzSection implements Section {
  /** Inputs per command in a full run (deploy: at least one per slot, the rest drawn by the seed). */
  private static final Map<String, Integer> FULL = new LinkedHashMap<>();
  private static final Map<String, Integer> FAST = new LinkedHashMap<>();
  /** The flag a read command is fuzzed for first: half of its inputs go there. */
  /**
   * Client processes at once: each spends most of its ~1 s starting a JVM, so two overlap well on
   * two cores (each input has its own deployment, files and workflow ids).
   */
  private static final int PARALLEL = 2;
  private static final Map<String, String> FOCUS = Map.of("logs", "--since", "invoke", "--session-id", "list", "--region");

  static {
    FULL.put("deploy", 150);
    FULL.put("plan", 24);
    FULL.put("destroy", 20);
    FULL.put("status", 16);
    FULL.put("history", 14);
    FULL.put("logs", 20);
    FULL.put("invoke", 20);
    FULL.put("list", 16);
    FAST.put("deploy", 12);
    List.of("plan", "destroy", "status", "history", "logs", "invoke", "list").forEach(c -> FAST.put(c, 4));
  }

  @Override
  public String name() {
    return "fuzz";
  }

  @Override
  public String tried() {
    return "inputs (one case per command, and the coverage check)";
  }

  @Override
  public List<Case> cases(boolean fast, long seed) {
    List<Case> out = new ArrayList<>();
    Map<String, List<FuzzInput>> plan = plan(fast, seed);
    if (!fast) out.add(new Case("coverage", lane -> coverage(plan.get("deploy"))));
    plan.forEach((command, inputs) -> out.add(new Case(command + " (" + inputs.size() + " inputs)", inputs.size(),
        lane -> run(lane, command + " (" + inputs.size() + " inputs)", inputs))));
    return out;
  }

  /** Every command's inputs, drawn from one seeded generator in a fixed order (the same seed, the same inputs). */
  static Map<String, List<FuzzInput>> plan(boolean fast, long seed) {
    Random random = new Random(seed);
    Map<String, List<FuzzInput>> plan = new LinkedHashMap<>();
    (fast ? FAST : FULL).forEach((command, count) -> {
      List<Slot> slots = FuzzSlots.slots(command, command.equals("deploy"));
      List<Slot> order = new ArrayList<>();
      if (command.equals("deploy") && !fast) {
        List<Slot> shuffled = new ArrayList<>(slots);
        Collections.shuffle(shuffled, random);
        order.addAll(shuffled); // every slot once, then the seed's choice
      }
      List<FuzzInput> inputs = new ArrayList<>();
      if (command.equals("deploy") && !fast) {
        // every path (a FIFO, /dev/zero, a directory, ...) in every path slot: the likeliest to hang or crash
        for (Slot s : slots) {
          if (s.kind() != FuzzSlots.Kind.PATH) continue;
          for (Value v : FuzzValues.PATHS) {
            Via via = FuzzInput.via(s, v.text(), random);
            inputs.add(new FuzzInput(s, v, via, String.format("fz%s%03d", abbreviation(command), inputs.size())));
          }
        }
      }
      String focus = FOCUS.get(command);
      for (int i = inputs.size(), o = 0; i < count; i++, o++) {
        Slot slot;
        if (o < order.size()) slot = order.get(o);
        else if (focus != null && i % 2 == 0) slot = slots.stream().filter(s -> focus.equals(s.flag())).findFirst().orElseThrow();
        else slot = slots.get(random.nextInt(slots.size()));
        inputs.add(input(command, slot, i, random));
      }
      plan.put(command, inputs);
    });
    return plan;
  }

  private static FuzzInput input(String command, Slot slot, int i, Random random) {
    for (;;) { // a value this slot cannot be given (NUL in a flag-only slot) is drawn again
      Value v = FuzzValues.pick(slot, random);
      Via via = FuzzInput.via(slot, v.text(), random);
      if (via != null) return new FuzzInput(slot, v, via, String.format("fz%s%03d", abbreviation(command), i));
    }
  }

  private static String abbreviation(String command) {
    return switch (command) {
      case "destroy" -> "ds";
      case "list" -> "li";
      default -> command.substring(0, 2);
    };
  }

  /** Fails when a flag of deploy or a settings key got no input: a new one must be fuzzed. */
  static Outcome coverage(List<FuzzInput> deploy) {
    Set<String> missing = new TreeSet<>();
    for (Slot s : FuzzSlots.slots("deploy", true)) {
      if (deploy.stream().noneMatch(in -> in.slot().equals(s))) missing.add(s.label());
    }
    Set<String> keys = new TreeSet<>(FuzzSlots.settingsKeys());
    deploy.stream().map(in -> in.slot().key()).filter(java.util.Objects::nonNull).forEach(keys::remove);
    keys.forEach(k -> missing.add("key " + k));
    int flags = FuzzSlots.options("deploy").size();
    String detail = flags + " deploy flags and " + FuzzSlots.settingsKeys().size() + " settings keys, "
        + deploy.size() + " deploy inputs" + (missing.isEmpty() ? "" : "; without input: " + missing);
    return new Outcome("fuzz", "coverage", missing.isEmpty() && flags > 40, 0, 0, 0, detail);
  }

  private static Outcome run(Lane lane, String name, List<FuzzInput> inputs) {
    int rejected = 0;
    int started = 0;
    int verbatim = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> exitOne = new LinkedHashMap<>();
    Map<Via, Integer> ways = new LinkedHashMap<>();
    List<Verdict> verdicts = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try (FuzzRunner runner = new FuzzRunner(lane)) {
      List<Future<Verdict>> futures = inputs.stream().map(in -> pool.submit(() -> runner.run(in))).toList();
      for (Future<Verdict> f : futures) verdicts.add(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    for (Verdict v : verdicts) {
      FuzzInput in = v.input();
      ways.merge(in.via(), 1, Integer::sum);
      if (v.rejected()) rejected++;
      if (v.started()) started++;
      if (v.verbatimChecked()) verbatim++;
      if (v.failure() != null) failures.add(in.label() + " [" + in.deployment() + "]: " + v.failure());
      if (v.note() != null) exitOne.merge(v.note(), 1, Integer::sum);
    }
    StringBuilder d = new StringBuilder();
    d.append(inputs.size()).append(" inputs ").append(ways).append(": ").append(rejected).append(" rejected, ")
        .append(inputs.size() - rejected).append(" accepted (").append(started).append(" started a workflow, ")
        .append(verbatim).append(" checked as given in its input); ").append(failures.size()).append(" failing");
    if (!failures.isEmpty()) {
      d.append(":\n  ").append(String.join("\n  ", failures.subList(0, Math.min(25, failures.size()))));
      if (failures.size() > 25) d.append("\n  … and ").append(failures.size() - 25).append(" more");
    }
    if (!exitOne.isEmpty()) {
      d.append("\n  accepted, then exit 1: ");
      exitOne.forEach((line, count) -> d.append("\n    ").append(count).append("× ").append(line));
    }
    return new Outcome("fuzz", name, failures.isEmpty(), 0, 0, 0, d.toString());
  }
}
