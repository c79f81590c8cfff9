package io.harnessdeployer.workflows.steps;

/**
 * CreateHarness input (spec §4.1, §4.2); model settings and system prompt come from {@code Names}.
 *
 * @param mcpUrl {@code https://<fqdn>/mcp}, no trailing slash
 * @param providerArn the API-key provider ARN as AWS returned it; the tool's Authorization header is
 *     {@code ${<providerArn>}}
 * @param clientToken one per deploy run, so a retried CreateHarness cannot create twice
 */
public record HarnessSpec(
    Scope scope,
    String harnessName,
    String executionRoleArn,
    String modelId,
    String mcpUrl,
    String providerArn,
    String clientToken) {}
