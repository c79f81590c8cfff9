package io.harnessdeployer.workflows.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ECS container environment rules (spec §8a, §9.6), shared by the workflow (which builds the
 * desired env) and the ECS activity (which merges a live endpoint's host). Pure functions; every
 * result keeps insertion order.
 */
public final class ContainerEnv {
  private ContainerEnv() {}

  /** The pass-through part of a .env map: prefixed keys, no deploy-only keys, no blanks (§8a.1). */
  public static Map<String, String> passThrough(Map<String, String> dotEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    dotEnv.forEach(
        (key, value) -> {
          String v = value == null ? "" : value.trim();
          boolean prefixed = Names.ENV_PASS_THROUGH_PREFIXES.stream().anyMatch(key::startsWith);
          if (prefixed
              && !Names.ENV_DEPLOY_ONLY_KEYS.contains(key)
              && !v.isEmpty()
              && !v.equals(Names.ENV_NOT_SET)) {
            env.put(key, v);
          }
        });
    return env;
  }

  /**
   * The desired env before the host is known: pass-through, minus the projected secret keys and
   * {@code ZSCALER_SECRET_NAME} when a secret is used (§8a.2), plus the defaults when absent.
   */
  public static Map<String, String> forService(
      Map<String, String> dotEnv, Collection<String> secretKeys) {
    Map<String, String> env = passThrough(dotEnv);
    if (!secretKeys.isEmpty()) {
      env.keySet().removeAll(secretKeys);
      env.remove(Names.KEY_SECRET_NAME);
    }
    for (String key : Names.ECS_ENV_DEFAULT_ORDER) {
      env.putIfAbsent(key, Names.ECS_ENV_DEFAULTS.get(key));
    }
    return env;
  }

  /**
   * The Runtime's non-secret env (spec §3 step 8.2, fixing Appendix B #11): pass-through WITHOUT
   * any credential key in every mode (plaintext credentials are added sealed, inside the activity),
   * the Runtime defaults when absent, and {@code ZSCALER_SECRET_NAME} = {@code secretName} in the
   * Secrets Manager modes (overriding a .env value); without a secret the .env's is dropped too.
   */
  public static Map<String, String> forRuntime(Map<String, String> dotEnv, String secretName) {
    Map<String, String> env = passThrough(dotEnv);
    env.keySet().removeAll(Names.CREDENTIAL_KEYS);
    env.remove(Names.KEY_SECRET_NAME);
    Names.RUNTIME_ENV_DEFAULTS.forEach(env::putIfAbsent);
    if (secretName != null) {
      env.put(Names.KEY_SECRET_NAME, secretName);
    }
    return env;
  }

  /**
   * Merges the public FQDN into {@code ZSCALER_MCP_ALLOWED_HOSTS} (§9.6): FQDN first, then the
   * local entries, existing entries kept; unchanged when host validation is disabled.
   */
  public static Map<String, String> withAllowedHost(Map<String, String> env, String fqdn) {
    Map<String, String> merged = new LinkedHashMap<>(env);
    String disabled = env.getOrDefault(Names.ENV_DISABLE_HOST_VALIDATION, "");
    if (fqdn == null || List.of("true", "1", "yes").contains(disabled.trim().toLowerCase(Locale.ROOT))) {
      return merged;
    }
    List<String> entries = new ArrayList<>();
    for (String entry : env.getOrDefault(Names.ENV_ALLOWED_HOSTS, "").split(",")) {
      if (!entry.trim().isEmpty()) {
        entries.add(entry.trim());
      }
    }
    String host = hostOf(fqdn);
    if (!entries.contains(host)) {
      entries.add(0, host);
    }
    for (String local : Names.ALLOWED_HOSTS_LOCAL) {
      if (!entries.contains(local)) {
        entries.add(local);
      }
    }
    merged.put(Names.ENV_ALLOWED_HOSTS, String.join(",", entries));
    return merged;
  }

  /** Bare host of an endpoint: no scheme, no trailing slash (§8h). */
  public static String hostOf(String endpoint) {
    String host = endpoint.trim();
    if (host.regionMatches(true, 0, "https://", 0, 8)) {
      host = host.substring(8);
    }
    while (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    return host;
  }

  /** MCP URL normalisation (§9.5): trimmed, no trailing slash, ending in {@code /mcp}. */
  public static String normaliseMcpUrl(String url) {
    String u = url == null ? "" : url.trim();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    if (u.isEmpty()) {
      return u;
    }
    return u.endsWith(Names.MCP_PATH) ? u : u + Names.MCP_PATH;
  }

  /** What a describe and a desired state show for a credential's value: never the value. */
  public static final String SEALED = "<sealed>";

  /**
   * The service's own endpoint host in {@code ZSCALER_MCP_ALLOWED_HOSTS}, as drift compares it: the
   * host is assigned by ECS, so the service's desired state (built before it exists) names it so.
   */
  public static final String ENDPOINT = "<endpoint>";

  /** {@code secrets[]} of spec §8b: key to {@code valueFrom=<arn>:<KEY>::}, in key order. */
  public static Map<String, String> secretProjections(String secretArn, Collection<String> keys) {
    Map<String, String> out = new LinkedHashMap<>();
    if (secretArn != null && keys != null) {
      for (String key : keys) {
        out.put(key, secretArn + ":" + key + "::");
      }
    }
    return out;
  }

  /** The env with every credential key's value replaced by {@link #SEALED}. */
  public static Map<String, String> sealed(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>(env);
    out.replaceAll((key, value) -> Names.CREDENTIAL_KEYS.contains(key) ? SEALED : value);
    return out;
  }

  /** A live env with the service's own endpoint host in the allowed hosts shown as {@link #ENDPOINT}. */
  public static Map<String, String> withEndpointNamed(Map<String, String> env, String endpointHost) {
    Map<String, String> out = new LinkedHashMap<>(env);
    String hosts = env.get(Names.ENV_ALLOWED_HOSTS);
    if (hosts == null || endpointHost == null) {
      return out;
    }
    List<String> entries = new ArrayList<>();
    for (String entry : hosts.split(",", -1)) {
      entries.add(entry.trim().equals(hostOf(endpointHost)) ? ENDPOINT : entry);
    }
    out.put(Names.ENV_ALLOWED_HOSTS, String.join(",", entries));
    return out;
  }
}
