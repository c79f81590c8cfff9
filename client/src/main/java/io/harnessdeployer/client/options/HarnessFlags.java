package io.harnessdeployer.client.options;

import io.harnessdeployer.workflows.common.Names;
import picocli.CommandLine.Option;

/**
 * The harness's configuration (issue 11): memory, limits, allowed tools, system prompt. As text, so
 * {@code deploy.HarnessSettings} checks each with its source; no picocli defaults (an absent flag
 * falls through to the environment, then {@code .env}, then the default named here).
 */
public final class HarnessFlags {
  @Option(names = "--memory", paramLabel = "disabled|managed|ARN",
      description = "Harness memory: disabled, managed (AgentCore makes and bills one), or an AgentCore Memory ARN"
          + " (default: HARNESS_MEMORY, else disabled; always sent, since AWS makes managed memory without it).")
  public String memory;

  @Option(names = "--memory-strategies", paramLabel = "LIST",
      description = "With --memory managed: comma list of SEMANTIC, SUMMARIZATION, USER_PREFERENCE, EPISODIC"
          + " (default: HARNESS_MEMORY_STRATEGIES, else SEMANTIC,SUMMARIZATION).")
  public String memoryStrategies;

  @Option(names = "--memory-event-expiry-days", paramLabel = "DAYS",
      description = "With --memory managed: days events are kept, " + Names.MEMORY_EXPIRY_DAYS_MIN + " to "
          + Names.MEMORY_EXPIRY_DAYS_MAX + " (default: HARNESS_MEMORY_EVENT_EXPIRY_DAYS, else "
          + Names.MEMORY_EXPIRY_DAYS_DEFAULT + ").")
  public String memoryEventExpiryDays;

  @Option(names = "--max-iterations", paramLabel = "N",
      description = "Agent loop iterations per invocation, 1 to " + Names.HARNESS_MAX_ITERATIONS_MAX
          + " (default: HARNESS_MAX_ITERATIONS, else the service's).")
  public String maxIterations;

  @Option(names = "--max-tokens", paramLabel = "N",
      description = "Output tokens per invocation, 1 to the model's output cap (default: HARNESS_MAX_TOKENS, else the"
          + " service's).")
  public String maxTokens;

  @Option(names = "--timeout-seconds", paramLabel = "S",
      description = "Seconds per invocation, 1 to " + Names.HARNESS_TIMEOUT_SECONDS_MAX
          + " (default: HARNESS_TIMEOUT_SECONDS, else the service's).")
  public String timeoutSeconds;

  @Option(names = "--allowed-tools", paramLabel = "LIST",
      description = "Comma list of the tools the agent may use: *, @server, @server/tool (default: HARNESS_ALLOWED_TOOLS,"
          + " else *).")
  public String allowedTools;

  @Option(names = "--system-prompt-file", paramLabel = "PATH",
      description = "UTF-8 file whose text is the system prompt, at most 64 KiB (default: HARNESS_SYSTEM_PROMPT_FILE,"
          + " else the built-in Zscaler administrator prompt).")
  public String systemPromptFile;
}
