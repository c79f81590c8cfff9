package io.harnessdeployer.emulator.control;

import io.harnessdeployer.emulator.model.Member;
import io.harnessdeployer.emulator.model.Shape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loggable copy of a call's input: members whose shape the model marks {@code sensitive}, and a few
 * secret-bearing names as a belt, become {@code "****"}; blobs and timestamps become text.
 */
public final class ParameterMasker {
  public static final String MASK = "****";
  private static final Set<String> SECRET_NAMES =
      Set.of("SecretString", "SecretBinary", "apiKey", "ClientSecret", "clientSecret");

  private ParameterMasker() {}

  public static Map<String, Object> mask(Shape.Structure shape, Map<String, Object> input) {
    Object v = copy(shape, input);
    @SuppressWarnings("unchecked")
    Map<String, Object> out = v instanceof Map<?, ?> ? (Map<String, Object>) v : new LinkedHashMap<>();
    return out;
  }

  private static Object copy(Shape shape, Object v) {
    if (v == null) return null;
    if (shape != null && shape.sensitive()) return MASK;
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, e) -> {
        String key = String.valueOf(k);
        Shape inner = null;
        if (shape instanceof Shape.Structure s) {
          Member m = s.member(key);
          inner = m == null ? null : m.shape();
        } else if (shape instanceof Shape.MapShape ms) {
          inner = ms.value().shape();
        }
        out.put(key, SECRET_NAMES.contains(key) && e != null ? MASK : copy(inner, e));
      });
      return out;
    }
    if (v instanceof List<?> list) {
      Shape inner = shape instanceof Shape.ListShape l ? l.member().shape() : null;
      List<Object> out = new ArrayList<>();
      for (Object e : list) out.add(copy(inner, e));
      return out;
    }
    if (v instanceof byte[] b) return "<" + b.length + " bytes>";
    if (v instanceof Instant t) return t.toString();
    return v;
  }
}
