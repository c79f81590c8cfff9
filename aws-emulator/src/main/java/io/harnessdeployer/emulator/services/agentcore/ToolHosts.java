package io.harnessdeployer.emulator.services.agentcore;

/**
 * Which hosts a harness's remote MCP tools can reach: those the emulator itself serves (such as a
 * deployed ECS Express service). Anything else is outside the emulated cloud, so the emulator never
 * dials it and the harness reports the tool as unavailable.
 */
@FunctionalInterface
public interface ToolHosts {
  boolean serves(String host);

  static ToolHosts none() {
    return host -> false;
  }
}
