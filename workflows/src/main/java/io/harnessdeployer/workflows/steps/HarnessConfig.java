package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.common.Names;
import java.util.List;

/**
 * What the operator declares of a harness besides its model and tool (issue 11): memory, the
 * limits of one invocation, the allowed tools and the system prompt. Data only; the client checks it.
 *
 * @param maxIterations null: not sent, the service's default applies
 * @param maxTokens null: not sent (the harness's total output tokens per invocation)
 * @param timeoutSeconds null: not sent
 * @param allowedTools sent as given; the client fills {@link Names#HARNESS_DEFAULT_ALLOWED_TOOLS}
 * @param systemPrompt null: {@link Names#HARNESS_SYSTEM_PROMPT}
 */
public record HarnessConfig(
    Memory memory,
    Integer maxIterations,
    Integer maxTokens,
    Integer timeoutSeconds,
    List<String> allowedTools,
    String systemPrompt) {

  /** How the harness keeps conversation context. */
  public enum MemoryMode { DISABLED, MANAGED, EXISTING }

  /**
   * @param arn the AgentCore Memory of {@link MemoryMode#EXISTING}; null otherwise
   * @param strategies of {@link MemoryMode#MANAGED}, sent explicitly (the service's default made visible)
   * @param eventExpiryDays of {@link MemoryMode#MANAGED}
   */
  public record Memory(MemoryMode mode, String arn, List<String> strategies, Integer eventExpiryDays) {
    public static Memory disabled() {
      return new Memory(MemoryMode.DISABLED, null, null, null);
    }

    public static Memory managed(List<String> strategies, int eventExpiryDays) {
      return new Memory(MemoryMode.MANAGED, null, List.copyOf(strategies), eventExpiryDays);
    }

    public static Memory existing(String arn) {
      return new Memory(MemoryMode.EXISTING, arn, null, null);
    }
  }

  /** Memory disabled, no limits, every tool, the spec's prompt. */
  public static HarnessConfig defaults() {
    return new HarnessConfig(Memory.disabled(), null, null, null, Names.HARNESS_DEFAULT_ALLOWED_TOOLS, null);
  }

  /** The system prompt's blocks as sent. */
  public List<String> systemPromptBlocks() {
    return List.of(systemPrompt == null ? Names.HARNESS_SYSTEM_PROMPT : systemPrompt);
  }

  public HarnessConfig withMaxTokens(Integer v) {
    return new HarnessConfig(memory, maxIterations, v, timeoutSeconds, allowedTools, systemPrompt);
  }
}
