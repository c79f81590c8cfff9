package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.services.common.McpJsonRpc;

/**
 * Which hosts a harness's remote MCP tools can reach: those the emulator itself serves (such as a
 * deployed ECS Express service), and what they answer. Anything else is outside the emulated cloud,
 * so the emulator never dials it and the harness reports the tool as unavailable.
 */
@FunctionalInterface
public interface ToolHosts {
  boolean serves(String host);

  /** The served host's answer to one request; by default a healthy MCP server's. */
  default EndpointHost.Response answer(EndpointHost.Request request) {
    return McpJsonRpc.answer(request.body());
  }

  static ToolHosts none() {
    return host -> false;
  }
}
