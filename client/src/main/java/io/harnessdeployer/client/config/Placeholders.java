package io.harnessdeployer.client.config;

import io.harnessdeployer.workflows.common.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code ${...}} in a value is kept as written: neither the shell (single quotes), nor the settings
 * file, nor the CLI substitutes it. Likely a mistake, but a legal value, so a warning, not an
 * error. Warnings name where the value came from, never the value (it may be a secret).
 */
public final class Placeholders {
  /** The process variables the CLI reads; others are not its business. */
  static final List<String> ENV_KEYS = Stream.concat(Stream.of(
      ConfigKeys.AWS_REGION, ConfigKeys.AWS_DEFAULT_REGION, ConfigKeys.AWS_PROFILE, ConfigKeys.AWS_ENDPOINT_URL,
      ConfigKeys.TOPOLOGY, ConfigKeys.MCP_URL, ConfigKeys.MODEL_ID, ConfigKeys.IMAGE_URI, ConfigKeys.SECRET_NAME,
      ConfigKeys.HARNESS_NAME, ConfigKeys.ROLE_NAME, ConfigKeys.CREDENTIAL_PROVIDER_NAME, ConfigKeys.ECS_CLUSTER_NAME,
      ConfigKeys.ECS_SERVICE_NAME, ConfigKeys.ECS_EXECUTION_ROLE_NAME, ConfigKeys.ECS_INFRASTRUCTURE_ROLE_NAME,
      ConfigKeys.ECS_LOG_GROUP, "TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE"), Names.CREDENTIAL_KEYS.stream()).toList();

  private Placeholders() {}

  /** One {@code [WARN]} line per flag, variable or settings-file key whose value holds {@code ${}. */
  public static List<String> warnings(ParseResult parsed, Map<String, String> env, DotEnv dotEnv) {
    List<String> where = new ArrayList<>();
    for (OptionSpec o : parsed.matchedOptions()) {
      if (o.originalStringValues().stream().anyMatch(Placeholders::has)) {
        where.add(o.longestName());
      }
    }
    ENV_KEYS.stream().filter(k -> has(env.get(k))).forEach(k -> where.add("env " + k));
    dotEnv.values().forEach((k, v) -> {
      if (has(v)) {
        where.add(dotEnv.where(k) + " " + k);
      }
    });
    return where.stream().map(w -> "[WARN] " + w + " holds '${…}': nothing substitutes it here, the value is used"
        + " as written").toList();
  }

  static boolean has(String value) {
    return value != null && value.contains("${");
  }
}
