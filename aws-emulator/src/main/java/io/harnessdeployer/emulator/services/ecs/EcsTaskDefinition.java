package io.harnessdeployer.emulator.services.ecs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One task-definition revision: its registered body plus lifecycle fields. */
final class EcsTaskDefinition {
  static final String ACTIVE = "ACTIVE";
  static final String INACTIVE = "INACTIVE";
  static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";

  final String family;
  final int revision;
  final String arn;
  final Map<String, Object> body;
  final Instant registeredAt;
  final Map<String, String> tags = new LinkedHashMap<>();
  String status = ACTIVE;
  Instant deregisteredAt;
  Instant deleteRequestedAt;
  /** When a DELETE_IN_PROGRESS revision disappears for good. */
  Instant purgeAt;

  EcsTaskDefinition(String family, int revision, String arn, Map<String, Object> body, Instant registeredAt) {
    this.family = family;
    this.revision = revision;
    this.arn = arn;
    this.body = body;
    this.registeredAt = registeredAt;
  }
}
