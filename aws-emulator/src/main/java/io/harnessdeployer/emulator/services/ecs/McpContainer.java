package io.harnessdeployer.emulator.services.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.runtime.CloudLookup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an Express configuration yields a healthy Zscaler MCP server task, judged the way ECS, the
 * ALB and the server itself would. Failure reasons name secrets and keys, never values.
 */
final class McpContainer {
  static final String HEALTH_PATH = "/health";
  static final String DEFAULT_PORT = "8000";
  static final String CLIENT_ID = "ZSCALER_CLIENT_ID";
  static final String CLIENT_SECRET = "ZSCALER_CLIENT_SECRET";
  static final String ALLOWED_HOSTS = "ZSCALER_MCP_ALLOWED_HOSTS";
  static final String DISABLE_HOST_VALIDATION = "ZSCALER_MCP_DISABLE_HOST_VALIDATION";
  static final String BIND_HOST = "ZSCALER_MCP_HOST";
  static final String PORT = "ZSCALER_MCP_PORT";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The task's environment once ECS has injected its secrets, or why the task never became healthy. */
  record Launch(Map<String, String> env, String failure) {
    boolean healthy() {
      return failure == null;
    }

    /** The server's DNS-rebinding guard (MCP SDK transport security): true if {@code host} may call /mcp. */
    boolean allowsHost(String host) {
      String disabled = env.getOrDefault(DISABLE_HOST_VALIDATION, "").trim().toLowerCase(Locale.ROOT);
      if (List.of("true", "1", "yes").contains(disabled)) return true;
      for (String entry : env.getOrDefault(ALLOWED_HOSTS, "").split(",")) {
        String allowed = entry.trim();
        if (allowed.isEmpty()) continue;
        if (allowed.equals(host)) return true;
        if (allowed.endsWith(":*") && host.startsWith(allowed.substring(0, allowed.length() - 1))) return true;
      }
      return false;
    }
  }

  private McpContainer() {}

  @SuppressWarnings("unchecked")
  static Launch launch(Map<String, Object> configuration, CloudLookup lookup) {
    Map<String, Object> container = (Map<String, Object>) configuration.get("primaryContainer");
    Map<String, String> env = new LinkedHashMap<>();
    for (Object o : (List<Object>) container.getOrDefault("environment", List.of())) {
      Map<String, Object> kv = (Map<String, Object>) o;
      env.put(String.valueOf(kv.get("name")), kv.get("value") == null ? "" : kv.get("value").toString());
    }
    for (Object o : (List<Object>) container.getOrDefault("secrets", List.of())) {
      Map<String, Object> secret = (Map<String, Object>) o;
      String valueFrom = String.valueOf(secret.get("valueFrom"));
      Optional<String> value = resolve(valueFrom, lookup);
      if (value.isEmpty()) {
        return new Launch(env, "ResourceInitializationError: unable to pull secrets: cannot retrieve " + valueFrom);
      }
      env.put(String.valueOf(secret.get("name")), value.get());
    }
    return new Launch(env, serverFailure(configuration, container, env));
  }

  private static String serverFailure(Map<String, Object> configuration, Map<String, Object> container, Map<String, String> env) {
    if (blank(env.get(CLIENT_ID)) || blank(env.get(CLIENT_SECRET))) {
      return "the MCP server has no Zscaler credentials: set " + CLIENT_ID + " and " + CLIENT_SECRET;
    }
    String disabled = env.getOrDefault(DISABLE_HOST_VALIDATION, "").trim().toLowerCase(Locale.ROOT);
    boolean hostCheckOff = List.of("true", "1", "yes").contains(disabled);
    if ("0.0.0.0".equals(env.get(BIND_HOST)) && !hostCheckOff && blank(env.get(ALLOWED_HOSTS))) {
      return "the MCP server exited: Cannot bind to 0.0.0.0 without host validation configuration";
    }
    String port = String.valueOf(container.get("containerPort"));
    if (!port.equals(env.getOrDefault(PORT, DEFAULT_PORT).trim())) {
      return "ALB health checks fail: containerPort " + port + " but the server listens on " + env.getOrDefault(PORT, DEFAULT_PORT);
    }
    if (!HEALTH_PATH.equals(configuration.get("healthCheckPath"))) {
      return "ALB health checks fail: the server answers health on " + HEALTH_PATH + ", not " + configuration.get("healthCheckPath");
    }
    return null;
  }

  /**
   * {@code <secretArn>[:<jsonKey>[:<stage>[:<versionId>]]]}; only Secrets Manager ARNs resolve here.
   * A whole-secret reference resolves when the secret is live and holds a JSON object.
   */
  static Optional<String> resolve(String valueFrom, CloudLookup lookup) {
    String[] p = valueFrom.split(":", -1);
    if (p.length < 7 || !p[0].equals("arn") || !p[2].equals("secretsmanager") || !p[5].equals("secret")) {
      return Optional.empty();
    }
    String secretArn = String.join(":", List.of(p).subList(0, 7));
    Optional<Map<String, String>> json = lookup.secretJson(p[4], p[3], secretArn);
    if (json.isEmpty()) return Optional.empty();
    String key = p.length > 7 ? p[7] : "";
    if (key.isEmpty()) return Optional.of(wholeSecret(json.get()));
    return Optional.ofNullable(json.get().get(key));
  }

  private static String wholeSecret(Map<String, String> json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
