package io.harnessdeployer.emulator.crosscheck;

/** A sequence of calls written once and run against each {@link Target}; it records what it saw. */
@FunctionalInterface
interface Scenario {
  void run(Target target, Observations seen);
}
