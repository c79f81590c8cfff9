package io.harnessdeployer.bench.reliability;

/**
 * One case's result. {@code lost}: resources the operation lost track of; {@code duplicated}: more
 * than one successful create of one resource (emulator request log); {@code orphaned}: ours left
 * after destroy or rollback (by tag and name, emulator resources).
 */
public record Outcome(String section, String name, boolean passed, int lost, int duplicated, int orphaned,
    String detail) {
  public static Outcome failed(String section, String name, String detail) {
    return new Outcome(section, name, false, 0, 0, 0, detail);
  }
}
