package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.model.Member;
import io.harnessdeployer.emulator.model.Shape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Checks parsed input against the model's constraints. Finds; never decides the error (see {@link ValidationRejection}). */
public final class InputValidator {
  /** {@code path} is dotted member names (list items by 1-based index); {@code value} null if sensitive. */
  public record Violation(String path, String constraint, Object value, boolean sensitive) {}

  private InputValidator() {}

  public static List<Violation> validate(Shape.Structure shape, Map<String, Object> input) {
    List<Violation> out = new ArrayList<>();
    if (shape != null) structure(shape, input, "", out);
    return out;
  }

  private static void check(Shape shape, Object v, String path, List<Violation> out) {
    if (shape instanceof Shape.Structure s && v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      structure(s, map, path + ".", out);
    } else if (shape instanceof Shape.ListShape l && v instanceof List<?> list) {
      size(l.min(), l.max(), list.size(), l, path, out);
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null) check(l.member().shape(), list.get(i), path + "." + (i + 1) + ".member", out);
      }
    } else if (shape instanceof Shape.MapShape ms && v instanceof Map<?, ?> map) {
      size(ms.min(), ms.max(), map.size(), ms, path, out);
      map.forEach((k, e) -> {
        check(ms.key().shape(), k, path + ".key", out);
        if (e != null) check(ms.value().shape(), e, path + "." + k, out);
      });
    } else if (shape instanceof Shape.Scalar s) {
      scalar(s, v, path, out);
    }
  }

  private static void structure(Shape.Structure s, Map<String, Object> input, String prefix, List<Violation> out) {
    for (String r : s.required()) {
      if (input.get(r) == null) out.add(new Violation(prefix + r, "Member must not be null", null, false));
    }
    long set = input.values().stream().filter(x -> x != null).count();
    if (s.union() && set != 1) {
      out.add(new Violation(prefix.isEmpty() ? s.name() : prefix.substring(0, prefix.length() - 1),
          "Union must have exactly one member set", null, true));
    }
    for (Member m : s.members().values()) {
      Object v = input.get(m.name());
      if (v != null) check(m.shape(), v, prefix + m.name(), out);
    }
  }

  private static void scalar(Shape.Scalar s, Object v, String path, List<Violation> out) {
    switch (s.kind()) {
      case STRING -> {
        String str = v.toString();
        size(s.min(), s.max(), str.codePointCount(0, str.length()), s, path, v, out);
        if (!s.enumValues().isEmpty() && !s.enumValues().contains(str)) {
          out.add(new Violation(path, "Member must satisfy enum value set: " + s.enumValues(), v, s.sensitive()));
        } else if (s.pattern() != null && !s.pattern().matcher(str).matches()) {
          out.add(new Violation(path, "Member must satisfy regular expression pattern: " + s.pattern().pattern(), v, s.sensitive()));
        }
      }
      case INTEGER, LONG, FLOAT, DOUBLE -> {
        if (!(v instanceof Number n)) return;
        if (s.min() != null && n.doubleValue() < s.min()) {
          out.add(new Violation(path, "Member must have value greater than or equal to " + s.min(), v, s.sensitive()));
        }
        if (s.max() != null && n.doubleValue() > s.max()) {
          out.add(new Violation(path, "Member must have value less than or equal to " + s.max(), v, s.sensitive()));
        }
      }
      case BLOB -> {
        if (v instanceof byte[] b) size(s.min(), s.max(), b.length, s, path, null, out);
      }
      default -> { }
    }
  }

  private static void size(Long min, Long max, int n, Shape s, String path, List<Violation> out) {
    size(min, max, n, s, path, null, out);
  }

  private static void size(Long min, Long max, int n, Shape s, String path, Object v, List<Violation> out) {
    if (min != null && n < min) {
      out.add(new Violation(path, "Member must have length greater than or equal to " + min, v, s.sensitive()));
    }
    if (max != null && n > max) {
      out.add(new Violation(path, "Member must have length less than or equal to " + max, v, s.sensitive()));
    }
  }

  /** Coral's summary: {@code 1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: ...}. */
  public static String describe(Collection<Violation> violations) {
    StringBuilder sb = new StringBuilder();
    sb.append(violations.size()).append(violations.size() == 1 ? " validation error" : " validation errors").append(" detected: ");
    List<String> parts = new ArrayList<>();
    for (Violation v : violations) {
      String value = v.value() == null ? (v.sensitive() ? "" : "null ") : "'" + v.value() + "' ";
      parts.add("Value " + value + "at '" + coralPath(v.path()) + "' failed to satisfy constraint: " + v.constraint());
    }
    return sb.append(String.join("; ", parts)).toString();
  }

  /** Coral names members in lower camel case: {@code RoleName} → {@code roleName}. */
  static String coralPath(String path) {
    StringBuilder out = new StringBuilder();
    for (String part : path.split("\\.")) {
      if (out.length() > 0) out.append('.');
      out.append(part.isEmpty() ? part : Character.toLowerCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }
}
