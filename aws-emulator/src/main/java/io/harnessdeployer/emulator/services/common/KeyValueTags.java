package io.harnessdeployer.emulator.services.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags as most AWS models list them: {@code [{Key, Value}]}. The member names are the model's ({@code
 * Key}/{@code Value} in IAM, Secrets Manager and ECR).
 */
public final class KeyValueTags {
  public static final String KEY = "Key";
  public static final String VALUE = "Value";

  private KeyValueTags() {}

  /** In input order; a later duplicate key wins. */
  public static Map<String, String> fromList(List<Map<String, Object>> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, Object> t : tags) {
      Object value = t.get(VALUE);
      out.put(String.valueOf(t.get(KEY)), value == null ? "" : value.toString());
    }
    return out;
  }

  public static List<Object> toList(Map<String, String> tags) {
    List<Object> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(new LinkedHashMap<>(Map.of(KEY, k, VALUE, v))));
    return out;
  }
}
