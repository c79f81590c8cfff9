package io.harnessdeployer.emulator.services.agentcore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the generic model values (maps, lists, scalars) handlers exchange with the codecs. */
final class Values {
  private Values() {}

  /** A deep, mutable copy, so stored state never aliases a caller's input. */
  @SuppressWarnings("unchecked")
  static <T> T copy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k.toString(), copy(v)));
      return (T) out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(copy(v)));
      return (T) out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static String string(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v == null ? null : v.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> tags(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(k.toString(), String.valueOf(v)));
    return out;
  }

  /** Puts {@code value} unless it is null. */
  static void putIf(Map<String, Object> out, String key, Object value) {
    if (value != null) out.put(key, value);
  }
}
