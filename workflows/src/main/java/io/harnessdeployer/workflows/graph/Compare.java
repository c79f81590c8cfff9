package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Deep diff of a desired state against what a describe saw, both plain JSON-like trees (policy
 * documents already parsed, so key order and whitespace never count). Pure and deterministic:
 * keys are walked in sorted order, never in a map's own (Map.of's varies between JVMs).
 */
public final class Compare {
  private Compare() {}

  /** Every difference, by path ({@code a.b[0].c}); a null value is the same as an absent key. */
  public static List<PropertyDiff> diff(Map<String, Object> desired, Map<String, Object> actual) {
    List<PropertyDiff> out = new ArrayList<>();
    maps("", desired == null ? Map.of() : desired, actual == null ? Map.of() : actual, out);
    return out;
  }

  /**
   * A node's drift: {@link #diff} over the properties its desired state declares. What the describe
   * adds besides (an ARN, a version id: facts no desired state can predict) is shown, not compared,
   * as CloudFormation leaves out properties a template does not set; inside a declared property an
   * extra entry (another inline policy, another tag) is an ADD.
   */
  public static List<PropertyDiff> drift(Map<String, Object> desired, Observed observed) {
    Map<String, Object> actual = new java.util.LinkedHashMap<>(observed.comparable());
    actual.keySet().retainAll(desired.keySet());
    return diff(desired, actual);
  }

  private static void maps(String prefix, Map<?, ?> desired, Map<?, ?> actual, List<PropertyDiff> out) {
    TreeSet<String> keys = new TreeSet<>();
    desired.keySet().forEach(k -> keys.add(String.valueOf(k)));
    actual.keySet().forEach(k -> keys.add(String.valueOf(k)));
    for (String key : keys) {
      value(prefix.isEmpty() ? key : prefix + "." + key, desired.get(key), actual.get(key), out);
    }
  }

  private static void lists(String path, List<?> desired, List<?> actual, List<PropertyDiff> out) {
    for (int i = 0; i < Math.max(desired.size(), actual.size()); i++) {
      value(path + "[" + i + "]", i < desired.size() ? desired.get(i) : null,
          i < actual.size() ? actual.get(i) : null, out);
    }
  }

  private static void value(String path, Object desired, Object actual, List<PropertyDiff> out) {
    if (desired == null && actual == null) {
      return;
    }
    if (desired == null) {
      out.add(new PropertyDiff(path, null, actual, Kind.ADD));
    } else if (actual == null) {
      out.add(new PropertyDiff(path, desired, null, Kind.REMOVE));
    } else if (desired instanceof Map<?, ?> d && actual instanceof Map<?, ?> a) {
      maps(path, d, a, out);
    } else if (desired instanceof List<?> d && actual instanceof List<?> a) {
      lists(path, d, a, out);
    } else if (!sameScalar(desired, actual)) {
      out.add(new PropertyDiff(path, desired, actual, Kind.NOT_EQUAL));
    }
  }

  /** Numbers by value: a payload round trip may turn a Long into an Integer, 2.0 into 2. */
  private static boolean sameScalar(Object desired, Object actual) {
    if (desired instanceof Number d && actual instanceof Number a) {
      return new BigDecimal(d.toString()).compareTo(new BigDecimal(a.toString())) == 0;
    }
    return desired.equals(actual);
  }
}
