package io.harnessdeployer.activities.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Tag;

/** ECS tag lists as maps and back: the one conversion every ECS caller uses. */
public final class EcsTags {
  private EcsTags() {}

  public static Map<String, String> of(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  public static List<Tag> list(Map<String, String> tags) {
    return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
  }
}
