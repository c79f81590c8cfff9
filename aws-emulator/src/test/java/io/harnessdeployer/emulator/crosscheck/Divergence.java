package io.harnessdeployer.emulator.crosscheck;

/**
 * A known, accepted difference between moto and the emulator at one step of one scenario: exactly
 * what each answers, and why the difference is accepted.
 */
record Divergence(String scenario, String step, String moto, String emulator, String reason) {}
