package io.harnessdeployer.client.deploy;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.options.HarnessFlags;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.workflows.common.HarnessModel;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.HarnessConfig.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The harness's configuration from flags, the environment and {@code .env}, each value checked
 * against the API model's constraints and the chosen model's limits before anything starts.
 */
final class HarnessSettings {
  /** Ours, stricter than the API's {@code (\*|@?[^/]+(/[^/]+)?)}: MCP server and tool names, {@code *} globs. */
  static final Pattern TOOL = Pattern.compile("^(\\*|@?[A-Za-z0-9_.*-]+(/[A-Za-z0-9_.*-]+)?)$");
  private static final Pattern MEMORY_ARN = Pattern.compile(Names.MEMORY_ARN_PATTERN);

  private final ConfigResolver config;
  private final HarnessFlags f;
  private final Path cwd;

  HarnessSettings(ConfigResolver config, HarnessFlags flags, Path cwd) {
    this.config = config;
    this.f = flags;
    this.cwd = cwd;
  }

  HarnessConfig resolve(String modelId) {
    Memory memory = memory();
    Integer iterations = number(ConfigKeys.HARNESS_MAX_ITERATIONS, f.maxIterations, "--max-iterations",
        "max iterations", 1, Names.HARNESS_MAX_ITERATIONS_MAX, "");
    Optional<HarnessModel> model = HarnessModel.of(modelId);
    int tokenCap = model.map(HarnessModel::maxOutputTokens).orElse(Names.HARNESS_TOKENS_MAX_UNKNOWN_MODEL);
    Integer tokens = number(ConfigKeys.HARNESS_MAX_TOKENS, f.maxTokens, "--max-tokens", "max tokens", 1, tokenCap,
        model.map(m -> " (" + m.label().replace(" (default)", "") + "'s output cap)").orElse(""));
    Integer timeout = number(ConfigKeys.HARNESS_TIMEOUT_SECONDS, f.timeoutSeconds, "--timeout-seconds",
        "timeout seconds", 1, Names.HARNESS_TIMEOUT_SECONDS_MAX, "");
    return new HarnessConfig(memory, iterations, tokens, timeout, allowedTools(), systemPrompt());
  }

  private Memory memory() {
    Optional<Setting> given = config.find(ConfigKeys.HARNESS_MEMORY, f.memory, "--memory");
    Optional<Setting> strategies = config.find(ConfigKeys.HARNESS_MEMORY_STRATEGIES, f.memoryStrategies,
        "--memory-strategies");
    Optional<Setting> expiry = config.find(ConfigKeys.HARNESS_MEMORY_EVENT_EXPIRY_DAYS, f.memoryEventExpiryDays,
        "--memory-event-expiry-days");
    String mode = given.map(s -> s.value().toLowerCase(Locale.ROOT)).orElse(Names.MEMORY_DISABLED);
    if (mode.equals(Names.MEMORY_MANAGED)) {
      Integer days = number(ConfigKeys.HARNESS_MEMORY_EVENT_EXPIRY_DAYS, f.memoryEventExpiryDays,
          "--memory-event-expiry-days", "memory event expiry", Names.MEMORY_EXPIRY_DAYS_MIN,
          Names.MEMORY_EXPIRY_DAYS_MAX, " days");
      return Memory.managed(strategies.map(HarnessSettings::strategies).orElse(Names.MEMORY_DEFAULT_STRATEGIES),
          days == null ? Names.MEMORY_EXPIRY_DAYS_DEFAULT : days);
    }
    Optional<Setting> managedOnly = strategies.isPresent() ? strategies : expiry;
    if (managedOnly.isPresent()) {
      throw CliException.badInput("memory strategies and event expiry" + managedOnly.get().from()
          + " need --memory managed (HARNESS_MEMORY=managed)");
    }
    if (mode.equals(Names.MEMORY_DISABLED)) {
      return Memory.disabled();
    }
    Setting s = given.orElseThrow();
    if (s.value().length() > 2048 || !MEMORY_ARN.matcher(s.value()).matches()) {
      throw CliException.badInput("invalid memory " + shown(s.value(), 48) + s.from()
          + ": use disabled, managed or an AgentCore Memory ARN");
    }
    return Memory.existing(s.value());
  }

  private static List<String> strategies(Setting s) {
    List<String> out = new ArrayList<>();
    for (String part : s.value().split(",", -1)) {
      String v = part.trim().toUpperCase(Locale.ROOT);
      if (!Names.MEMORY_STRATEGIES.contains(v) || out.contains(v)) {
        throw CliException.badInput("invalid memory strategies " + shown(s.value(), 24) + s.from() + ": distinct "
            + String.join(", ", Names.MEMORY_STRATEGIES));
      }
      out.add(v);
    }
    return out;
  }

  /** A whole number in [min, max]; null when not given. */
  private Integer number(String key, String flag, String flagName, String what, int min, int max, String capNote) {
    Optional<Setting> given = config.find(key, flag, flagName);
    if (given.isEmpty()) {
      return null;
    }
    Setting s = given.get();
    long v;
    try {
      v = s.value().length() > 12 ? Long.MAX_VALUE : Long.parseLong(s.value());
    } catch (NumberFormatException e) {
      throw CliException.badInput("invalid " + what + " " + shown(s.value(), 24) + s.from() + ": a whole number, "
          + min + " to " + max);
    }
    if (v < min || v > max) {
      throw CliException.badInput(what + s.from() + " must be " + min + " to " + max + capNote + ", not "
          + UserText.shorten(s.value(), 20));
    }
    return (int) v;
  }

  /** Quoted, escaped and cut: a long value helps nobody, and the line stays short. */
  private static String shown(String value, int max) {
    return "'" + UserText.shorten(value, max) + "'";
  }

  private List<String> allowedTools() {
    Optional<Setting> given = config.find(ConfigKeys.HARNESS_ALLOWED_TOOLS, f.allowedTools, "--allowed-tools");
    if (given.isEmpty()) {
      return Names.HARNESS_DEFAULT_ALLOWED_TOOLS;
    }
    Setting s = given.get();
    List<String> out = new ArrayList<>();
    for (String part : s.value().split(",", -1)) {
      String tool = part.trim();
      if (tool.length() > Names.HARNESS_ALLOWED_TOOL_MAX || !TOOL.matcher(tool).matches()) {
        throw CliException.badInput("invalid allowed tool " + shown(tool, 24) + s.from() + ": use *, @server or"
            + " @server/tool, each up to " + Names.HARNESS_ALLOWED_TOOL_MAX + " characters");
      }
      if (!out.contains(tool)) {
        out.add(tool);
      }
    }
    return List.copyOf(out);
  }

  /** The file's text, strict UTF-8, not blank, at most {@link Names#HARNESS_SYSTEM_PROMPT_MAX_BYTES}; null: none given. */
  private String systemPrompt() {
    Optional<Setting> given = config.find(ConfigKeys.HARNESS_SYSTEM_PROMPT_FILE, f.systemPromptFile,
        "--system-prompt-file");
    if (given.isEmpty()) {
      return null;
    }
    Setting s = given.get();
    String shown = "system prompt file " + shown(s.value(), 60) + s.from();
    Path path;
    try {
      path = cwd.resolve(s.value());
    } catch (InvalidPathException e) {
      throw CliException.badInput(shown + " is not a valid path");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw CliException.badInput(shown + ": no such readable file");
    }
    byte[] bytes;
    try {
      if (Files.size(path) > Names.HARNESS_SYSTEM_PROMPT_MAX_BYTES) {
        throw CliException.badInput(shown + " is " + Files.size(path) + " bytes: at most "
            + Names.HARNESS_SYSTEM_PROMPT_MAX_BYTES);
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw CliException.badInput(shown + " cannot be read: " + e.getClass().getSimpleName());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw CliException.badInput(shown + " is not UTF-8 text");
    }
    if (text.isBlank()) {
      throw CliException.badInput(shown + " is empty");
    }
    if (text.indexOf('\0') >= 0) {
      throw CliException.badInput(shown + " holds a NUL character: not text");
    }
    return text.strip();
  }
}
