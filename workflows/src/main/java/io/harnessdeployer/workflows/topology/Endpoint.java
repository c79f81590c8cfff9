package io.harnessdeployer.workflows.topology;

/** The service's public endpoint once ACTIVE: its bare host and the harness's MCP URL. */
public record Endpoint(String fqdn, String mcpUrl) {}
