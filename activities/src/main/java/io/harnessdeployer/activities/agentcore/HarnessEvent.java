package io.harnessdeployer.activities.agentcore;

/** What an InvokeHarness stream tells its listener, in stream order. */
public sealed interface HarnessEvent {
  record MessageStart(String role) implements HarnessEvent {}

  /** A piece of the assistant's text; concatenated per content block they form the answer. */
  record TextDelta(int contentBlockIndex, String text) implements HarnessEvent {}

  /** The harness starts calling a tool. */
  record ToolUse(int contentBlockIndex, String toolUseId, String name) implements HarnessEvent {}

  /** The harness has the tool's answer; {@code status} such as {@code success} or {@code error}. */
  record ToolResult(int contentBlockIndex, String toolUseId, String status) implements HarnessEvent {}

  /** {@code stopReason} such as {@code end_turn}, {@code tool_use} or {@code max_iterations_exceeded}. */
  record MessageStop(String stopReason) implements HarnessEvent {}

  record Metadata(int inputTokens, int outputTokens, int totalTokens, long latencyMs) implements HarnessEvent {}
}
