package io.harnessdeployer.emulator.services.ecs;

import java.util.LinkedHashMap;
import java.util.Map;

/** A cluster. A deleted cluster stays describable as INACTIVE until a create reuses its name. */
final class EcsCluster {
  static final String ACTIVE = "ACTIVE";
  static final String INACTIVE = "INACTIVE";

  final String name;
  final String arn;
  final Map<String, String> tags = new LinkedHashMap<>();
  String status = ACTIVE;

  EcsCluster(String name, String arn, Map<String, String> tags) {
    this.name = name;
    this.arn = arn;
    this.tags.putAll(tags);
  }

  boolean active() {
    return ACTIVE.equals(status);
  }
}
