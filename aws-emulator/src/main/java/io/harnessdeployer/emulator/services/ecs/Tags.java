package io.harnessdeployer.emulator.services.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECS tags travel as {@code [{key, value}]}; we keep them as an ordered map. */
final class Tags {
  private Tags() {}

  @SuppressWarnings("unchecked")
  static Map<String, String> fromList(List<Object> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Object o : tags) {
      Map<String, Object> t = (Map<String, Object>) o;
      Object value = t.get("value");
      out.put(String.valueOf(t.get("key")), value == null ? "" : value.toString());
    }
    return out;
  }

  static List<Object> toList(Map<String, String> tags) {
    List<Object> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Map.of("key", k, "value", v)));
    return out;
  }
}
