package io.harnessdeployer.workflows.steps;

/** @param gatewayUrl the MCP endpoint; may be null until READY */
public record GatewayRef(String gatewayId, String gatewayArn, String gatewayUrl, String gatewayName, Outcome outcome) {}
