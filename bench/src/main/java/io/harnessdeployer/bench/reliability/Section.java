package io.harnessdeployer.bench.reliability;

import java.util.List;
import java.util.function.Function;

/** A part of the suite: its cases, fewer under {@code --fast}; {@code seed} drives any randomness. */
public interface Section {
  String name();

  List<Case> cases(boolean fast, long seed);

  /** What a case's {@code tries} count, for the report: "crash points", "faults", "inputs". */
  default String tried() {
    return "cases";
  }

  /**
   * One case, trying {@code tries} of what {@link #tried()} counts (crash points, faults, inputs). It
   * must leave its lane reusable: its own deployment names (e.g. {@code rel-<n>}) or a {@code
   * control().reset()}; the suite clears faults and kills its workers after it. A case that
   * kills no worker may use {@link Lane#sharedWorker()}; one that wants none calls {@link
   * Lane#noWorker()} ({@link Lane#startWorker()} does so itself).
   */
  record Case(String name, int tries, Function<Lane, Outcome> run) {
    public Case(String name, Function<Lane, Outcome> run) {
      this(name, 1, run);
    }
  }
}
