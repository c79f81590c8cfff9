package io.harnessdeployer.emulator.crosscheck;

/**
 * A known, accepted difference between moto and the emulator: exactly what each answers, where,
 * and why it is accepted. {@code scenarios} is a scenario name or a prefix ending in {@code *};
 * {@code step} is a step name or {@code *} for any step where those two answers are seen.
 */
record Divergence(String scenarios, String step, String moto, String emulator, String reason) {
  static final String ANY = "*";

  boolean covers(String scenario, String stepName) {
    boolean scenarioMatches = scenarios.endsWith(ANY)
        ? scenario.startsWith(scenarios.substring(0, scenarios.length() - 1))
        : scenarios.equals(scenario);
    return scenarioMatches && (step.equals(ANY) || step.equals(stepName));
  }

  /** A rule for one named step, which must keep matching; a wildcard rule only applies where it matches. */
  boolean pinned() {
    return !step.equals(ANY);
  }

  boolean matches(String onMoto, String onEmulator) {
    return moto.equals(onMoto) && emulator.equals(onEmulator);
  }
}
