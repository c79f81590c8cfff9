package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.steps.SecretMode;
import java.util.List;

/**
 * Result of a successful deploy (spec §2 "Finish"). ECS fields are null for an external MCP URL;
 * secret fields are null in plaintext mode.
 *
 * @param host {@code ECS Express — <service> (cluster: <cluster>)} or {@code External
 *     (user-provided)}
 * @param harnessStatus the status the harness reached (READY)
 * @param resources every ensured resource with whether this run created, adopted or updated it
 */
public record DeploySummary(
    String deployment,
    DeployStatus status,
    String harnessId,
    String harnessArn,
    String harnessName,
    String harnessStatus,
    String modelId,
    String mcpUrl,
    String host,
    String harnessRoleArn,
    String providerArn,
    String taskExecutionRoleArn,
    String infrastructureRoleArn,
    String cluster,
    String serviceArn,
    String logGroup,
    SecretMode secretMode,
    String secretName,
    String secretArn,
    String consoleUrl,
    List<ResourceOutcome> resources) {}
