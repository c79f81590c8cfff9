package io.harnessdeployer.workflows.destroy;

/**
 * One resource of a destroy.
 *
 * @param step the destroy step, e.g. {@code cluster}, {@code task-execution-role}
 * @param kind as in the deploy summary: {@code harness}, {@code api-key-provider}, {@code
 *     iam-role}, {@code ecs-service}, {@code task-definitions}, {@code log-group}, {@code
 *     ecs-cluster}, {@code secret}, {@code mcp-server}
 * @param name the name destroy looked for (for task definitions, the family); AWS's own ids are in
 *     the detail where they matter
 * @param detail why it was kept, why it failed, or what the delete did (e.g. the secret's restore
 *     command); never a secret value
 */
public record ResourceReport(
    String step, String kind, String name, DestroyOutcome outcome, String detail) {}
