package io.harnessdeployer.bench.reliability;

/** One {@code bin/client} run to its end. */
public record ClientRun(int exitCode, String stdout, String stderr, long wallMs) {
  @Override
  public String toString() {
    return "exit " + exitCode + " in " + wallMs + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }
}
