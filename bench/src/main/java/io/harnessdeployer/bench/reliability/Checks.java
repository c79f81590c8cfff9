package io.harnessdeployer.bench.reliability;

import java.util.ArrayList;
import java.util.List;

/** A case's findings: what failed (any makes it fail) and notes, in order, for its detail line. */
final class Checks {
  private final List<String> lines = new ArrayList<>();
  private int failures;

  /** Records {@code what} as failed unless {@code ok}; returns {@code ok}. */
  boolean check(boolean ok, String what) {
    if (!ok) {
      failures++;
      lines.add("FAILED " + what);
    }
    return ok;
  }

  void note(String what) {
    lines.add(what);
  }

  boolean passed() {
    return failures == 0;
  }

  String detail() {
    return String.join("; ", lines);
  }
}
