package io.harnessdeployer.emulator.services.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an operation's output map, leaving out absent members as AWS does. */
public final class Output {
  private final Map<String, Object> values = new LinkedHashMap<>();

  public static Output of() {
    return new Output();
  }

  /** An operation with no output members. */
  public static Map<String, Object> empty() {
    return new LinkedHashMap<>();
  }

  public Output put(String member, Object value) {
    if (value != null) values.put(member, value);
    return this;
  }

  public Map<String, Object> build() {
    return values;
  }
}
