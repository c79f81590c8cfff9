package io.harnessdeployer.workflows.graph;

/**
 * One difference between a resource's desired and live state, in CloudFormation's drift words.
 *
 * @param path {@code inlinePolicies.ReadZscalerSecrets.Statement[0].Resource}
 * @param expected the desired value; null for ADD
 * @param actual the live value; null for REMOVE
 */
public record PropertyDiff(String path, Object expected, Object actual, Kind kind) {
  public PropertyDiff {
    expected = canonical(expected);
    actual = canonical(actual);
  }

  /** JSON-like and in sorted key order, so a report reads (and serialises) the same on every worker. */
  private static Object canonical(Object v) {
    if (v instanceof java.util.Map<?, ?> m) {
      java.util.Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), canonical(x)));
      return java.util.Collections.unmodifiableMap(out);
    }
    if (v instanceof java.util.List<?> l) {
      return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(l.stream().map(PropertyDiff::canonical).toList()));
    }
    return v;
  }

  public enum Kind {
    /** Present live, not desired. */
    ADD,
    /** Desired, missing live. */
    REMOVE,
    /** Present on both sides with different values. */
    NOT_EQUAL
  }
}
