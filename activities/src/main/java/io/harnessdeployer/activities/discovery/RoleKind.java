package io.harnessdeployer.activities.discovery;

import io.harnessdeployer.workflows.common.Names;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Which of a deployment's three roles a role is, by the service its trust policy lets assume it. */
enum RoleKind {
  HARNESS(Names.PRINCIPAL_AGENTCORE),
  TASK_EXECUTION(Names.PRINCIPAL_ECS_TASKS),
  INFRASTRUCTURE(Names.PRINCIPAL_ECS);

  private final String principal;

  RoleKind(String principal) {
    this.principal = principal;
  }

  /**
   * @param trustPolicy as IAM lists it: URL-encoded JSON (the SDK does not decode it)
   */
  static Optional<RoleKind> of(String trustPolicy) {
    if (trustPolicy == null) {
      return Optional.empty();
    }
    String doc = trustPolicy.trim().startsWith("{") ? trustPolicy
        : URLDecoder.decode(trustPolicy, StandardCharsets.UTF_8);
    for (RoleKind kind : values()) {
      // quoted, so "ecs.amazonaws.com" never matches inside "ecs-tasks.amazonaws.com"
      if (doc.contains("\"" + kind.principal + "\"")) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
