package io.harnessdeployer.client.config;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a setting the same way for every key: CLI flag → process environment → {@code .env} →
 * default (or a prompt, decided by the caller). Blank values and {@code NOT_SET} count as absent.
 * One exception, kept from the seed (spec §1.5, Appendix B #20): {@code TOPOLOGY} is read from
 * {@code .env} before the process environment ({@link #topology}).
 */
public final class ConfigResolver {
  private final Map<String, String> env;
  private final DotEnv dotEnv;
  private final Prompter prompter;

  public ConfigResolver(Map<String, String> env, DotEnv dotEnv, Prompter prompter) {
    this.env = env;
    this.dotEnv = dotEnv;
    this.prompter = prompter;
  }

  /**
   * @param flagValue the flag's value, null when not given
   * @param flagName how to name the flag in the source, e.g. {@code --harness-name}; null if none
   */
  public Optional<Setting> find(String key, String flagValue, String flagName) {
    if (usable(flagValue)) {
      return Optional.of(new Setting(flagValue.trim(), flagName));
    }
    return find(key);
  }

  /** Process environment, then {@code .env}. */
  public Optional<Setting> find(String key) {
    String fromEnv = env.get(key);
    if (usable(fromEnv)) {
      return Optional.of(new Setting(fromEnv.trim(), "env " + key));
    }
    return fromDotEnv(key);
  }

  private Optional<Setting> fromDotEnv(String key) {
    return dotEnv.entry(key).map(e -> new Setting(e.value().trim(), dotEnv.where(key) + " " + key));
  }

  /** {@code --topology} → {@code .env} TOPOLOGY → process env TOPOLOGY (the seed's order). */
  public Optional<Setting> topology(String flagValue) {
    if (usable(flagValue)) {
      return Optional.of(new Setting(flagValue.trim(), "--topology"));
    }
    Optional<Setting> file = fromDotEnv(ConfigKeys.TOPOLOGY);
    if (file.isPresent()) {
      return file;
    }
    String fromEnv = env.get(ConfigKeys.TOPOLOGY);
    return usable(fromEnv) ? Optional.of(new Setting(fromEnv.trim(), "env " + ConfigKeys.TOPOLOGY)) : Optional.empty();
  }

  public Setting get(String key, String flagValue, String flagName, String fallback) {
    return find(key, flagValue, flagName).orElseGet(() -> new Setting(fallback, "default"));
  }

  /**
   * {@code --region} → {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION} (process env) → {@code
   * AWS_REGION} in {@code .env} → us-east-1.
   */
  public Setting region(String flagValue) {
    if (usable(flagValue)) {
      return new Setting(flagValue.trim(), "--region");
    }
    for (String key : List.of(ConfigKeys.AWS_REGION, ConfigKeys.AWS_DEFAULT_REGION)) {
      if (usable(env.get(key))) {
        return new Setting(env.get(key).trim(), "env " + key);
      }
    }
    return fromDotEnv(ConfigKeys.AWS_REGION).orElseGet(() -> new Setting(Names.DEFAULT_REGION, "default"));
  }

  public Prompter prompter() {
    return prompter;
  }

  public DotEnv dotEnv() {
    return dotEnv;
  }

  public Map<String, String> env() {
    return env;
  }

  /**
   * The {@code .env} keys forwarded to the container (spec §8a.1): {@code ZSCALER_*}, {@code
   * FASTMCP_*}, {@code MCP_*} minus the deploy-only keys, and never a credential key: credentials
   * only travel sealed, and the worker adds them to the container itself when no secret is used.
   * Like the seed, only keys physically in the file are forwarded.
   */
  public Map<String, String> passThrough() {
    Map<String, String> env = ContainerEnv.passThrough(dotEnv.values());
    env.keySet().removeAll(Names.CREDENTIAL_KEYS);
    return env;
  }

  private static boolean usable(String value) {
    return value != null && !value.isBlank() && !value.trim().equals(DotEnv.NOT_SET);
  }
}
