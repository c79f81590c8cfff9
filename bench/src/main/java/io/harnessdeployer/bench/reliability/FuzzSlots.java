package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.client.Cli;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.workflows.common.Names;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a fuzzed value can go, read from the CLI's own model (picocli's options of each command,
 * the constants of {@link ConfigKeys}), so a new flag or settings key is fuzzed without a change
 * here (and the coverage case fails if one gets no input).
 */
final class FuzzSlots {
  enum Kind { TEXT, BOOLEAN, NUMBER, DURATION, PATH }

  /**
   * A flag ({@code flag} set) or a settings key ({@code key} set), or both when the key is the
   * flag's default. {@code freeText}: a credential or container value, where unicode and {@code ${}}
   * are legal (and that must never be shown).
   */
  record Slot(String command, String flag, String key, Kind kind, boolean freeText) {
    String label() {
      return command + " " + (flag != null ? flag : key);
    }
  }

  /** Variables read besides ConfigKeys: credentials, container pass-through, Temporal, the seal key. */
  static final List<String> EXTRA_KEYS = List.of("ZSCALER_MCP_EXTRA", "TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE",
      "HARNESS_DEPLOYER_SEAL_KEY", "HARNESS_DEPLOYER_SEAL_KEY_FILE");

  /** Keys read from the process environment only (not from the settings file). */
  static final Set<String> ENV_ONLY = Set.of("TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE", "HARNESS_DEPLOYER_SEAL_KEY",
      "HARNESS_DEPLOYER_SEAL_KEY_FILE", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION");
  /** Keys read from the settings file only: the container's pass-through variables. */
  static final Set<String> FILE_ONLY = Set.of("ZSCALER_MCP_EXTRA");

  /**
   * The keys a read command (status, history, logs, invoke, list) reads; deploy, plan and destroy
   * read every key of their flags (the role keys: "deploy and destroy also read the settings keys").
   */
  static final Set<String> READ_KEYS = Set.of("AWS_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "TEMPORAL_ADDRESS",
      "TEMPORAL_NAMESPACE");

  private FuzzSlots() {}

  static CommandLine commandLine() {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    return Cli.commandLine(none, none, null);
  }

  /** The long flags of a command, help and version excepted. */
  static List<OptionSpec> options(String command) {
    CommandLine sub = commandLine().getSubcommands().get(command);
    if (sub == null) throw new IllegalArgumentException("no command " + command);
    return sub.getCommandSpec().options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
  }

  /** Every public String constant of ConfigKeys, the credential keys and {@link #EXTRA_KEYS}. */
  static Set<String> settingsKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Field f : ConfigKeys.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          keys.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    keys.addAll(Names.CREDENTIAL_KEYS);
    keys.addAll(EXTRA_KEYS);
    return keys;
  }

  /**
   * The command's flags, each paired with its settings key when it has one; with {@code unpairedKeys}
   * (deploy: it reads them all) also the keys no flag names.
   */
  static List<Slot> slots(String command, boolean unpairedKeys) {
    Set<String> keys = settingsKeys();
    List<OptionSpec> options = options(command);
    // a key whose name is a flag's exactly goes to that flag (HARNESS_NAME to --harness-name, not --name)
    Set<String> exact = new LinkedHashSet<>();
    options.forEach(o -> exact.add(base(o.longestName())));
    exact.retainAll(keys);
    Set<String> paired = new LinkedHashSet<>(exact);
    List<Slot> out = new ArrayList<>();
    for (OptionSpec o : options) {
      String flag = o.longestName();
      String key = exact.contains(base(flag)) ? base(flag) : keyOf(flag, keys, exact);
      if (key != null) paired.add(key);
      if (key != null && !command.matches("deploy|plan|destroy") && !READ_KEYS.contains(key)) key = null;
      out.add(new Slot(command, flag, key, kindOf(o), freeText(flag, key)));
    }
    if (unpairedKeys) {
      for (String k : keys) {
        if (!paired.contains(k)) out.add(new Slot(command, null, k, kindOfKey(k), freeText(null, k)));
      }
    }
    return out;
  }

  /** {@code --max-tokens} is HARNESS_MAX_TOKENS, {@code --region} AWS_REGION, {@code --client-id} ZSCALER_CLIENT_ID. */
  static String keyOf(String flag, Set<String> keys, Set<String> taken) {
    String base = base(flag);
    for (String prefix : List.of("HARNESS_", "AWS_", "ZSCALER_", "TEMPORAL_", "ZSCALER_MCP_")) {
      String candidate = prefix + base;
      if (keys.contains(candidate) && !taken.contains(candidate)) return candidate;
    }
    return null;
  }

  private static String base(String flag) {
    return flag.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static Kind kindOf(OptionSpec o) {
    Class<?> t = o.type();
    if (t == boolean.class || t == Boolean.class) return Kind.BOOLEAN;
    String label = o.paramLabel();
    if (label.contains("DURATION")) return Kind.DURATION;
    if (label.equals("N") || label.equals("DAYS") || label.equals("S") || t == int.class || t == Integer.class) {
      return Kind.NUMBER;
    }
    if (label.contains("PATH")) return Kind.PATH;
    return Kind.TEXT;
  }

  private static Kind kindOfKey(String key) {
    if (key.endsWith("_FILE")) return Kind.PATH;
    if (key.matches(".*_(DAYS|ITERATIONS|TOKENS|SECONDS)")) return Kind.NUMBER;
    return Kind.TEXT;
  }

  private static boolean freeText(String flag, String key) {
    String k = key != null ? key : "";
    return Names.CREDENTIAL_KEYS.contains(k) || k.equals("ZSCALER_MCP_EXTRA")
        || flag != null && List.of("--client-id", "--client-secret", "--customer-id", "--vanity-domain").contains(flag);
  }
}
