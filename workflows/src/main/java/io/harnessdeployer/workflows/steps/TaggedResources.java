package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * The names of a deployment's tagged resources, per kind, each list sorted. IAM roles are told
 * apart by the service their trust policy names (AgentCore: harness; ecs-tasks: task execution;
 * ecs: infrastructure).
 */
public record TaggedResources(
    List<String> harnessRoles,
    List<String> taskExecutionRoles,
    List<String> infrastructureRoles,
    List<String> secrets,
    List<String> logGroups,
    List<String> clusters,
    List<TaggedService> services,
    List<String> tokenVaultProviders,
    List<String> harnesses) {

  public static TaggedResources none() {
    return new TaggedResources(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }
}
