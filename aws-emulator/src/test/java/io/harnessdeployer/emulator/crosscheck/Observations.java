package io.harnessdeployer.emulator.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What a scenario saw, step by step, in a form two endpoints can be compared on: a step's value, or
 * the error code and HTTP status it failed with. Messages are deliberately not recorded.
 */
final class Observations {
  static final String OK = "ok";
  private final Map<String, String> steps = new LinkedHashMap<>();

  /** Runs {@code call}; records {@code ok} or {@code error <Code> <status>}; returns the result or null. */
  <T> T call(String step, Supplier<T> call) {
    try {
      T result = call.get();
      record(step, OK);
      return result;
    } catch (AwsServiceException e) {
      record(step, error(e.awsErrorDetails().errorCode(), e.statusCode()));
      return null;
    }
  }

  /** Records an observed value (a status, an ARN, a count, a comparison). */
  void value(String step, Object value) {
    record(step, "= " + value);
  }

  static String error(String code, int status) {
    return "error " + code + " " + status;
  }

  /** Runs the scenario; an unexpected exception ends it with an {@code (aborted)} step. */
  static Observations of(Scenario scenario, Target target) {
    Observations seen = new Observations();
    try {
      scenario.run(target, seen);
    } catch (RuntimeException e) {
      seen.record("(aborted)", e.toString());
    }
    return seen;
  }

  Map<String, String> steps() {
    return steps;
  }

  private void record(String step, String what) {
    if (steps.putIfAbsent(step, what) != null) throw new IllegalStateException("step recorded twice: " + step);
  }
}
