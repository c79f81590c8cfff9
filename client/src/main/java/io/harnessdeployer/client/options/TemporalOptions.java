package io.harnessdeployer.client.options;

import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.deploy.UrlChecks;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the Temporal service is. Flags win over {@code TEMPORAL_ADDRESS} / {@code TEMPORAL_NAMESPACE};
 * without either, a running local stack, else the defaults ({@code local.Target}).
 */
public final class TemporalOptions {
  public static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
  public static final String DEFAULT_NAMESPACE = "default";
  static final String NAMESPACE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$";

  @Option(names = "--temporal-address", paramLabel = "HOST:PORT",
      description = "Temporal frontend (default: $TEMPORAL_ADDRESS, else a running 'client dev', else "
          + DEFAULT_ADDRESS + ").")
  String address;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Temporal namespace (default: $TEMPORAL_NAMESPACE, else " + DEFAULT_NAMESPACE + ").")
  String namespace;

  /** The flag, else {@code TEMPORAL_ADDRESS}, checked as host:port; empty when neither is set. */
  public Optional<String> explicitAddress(Map<String, String> env) {
    String flag = firstNonBlank(address);
    Setting s = flag != null ? new Setting(flag, "--temporal-address")
        : Optional.ofNullable(firstNonBlank(env.get("TEMPORAL_ADDRESS"))).map(v -> new Setting(v, "env TEMPORAL_ADDRESS"))
            .orElse(null);
    return Optional.ofNullable(s).map(v -> UrlChecks.hostPort(v, "Temporal address"));
  }

  public boolean addressFlagGiven() {
    return address != null && !address.isBlank();
  }

  public String namespace(Map<String, String> env) {
    String flag = firstNonBlank(namespace);
    return flag != null ? checkNamespace(new Setting(flag, "--namespace")) : namespaceFromEnv(env);
  }

  /** {@code TEMPORAL_NAMESPACE}, else {@value #DEFAULT_NAMESPACE}: for commands without the flag. */
  public static String namespaceFromEnv(Map<String, String> env) {
    String v = firstNonBlank(env.get("TEMPORAL_NAMESPACE"));
    return v == null ? DEFAULT_NAMESPACE : checkNamespace(new Setting(v, "env TEMPORAL_NAMESPACE"));
  }

  /** Temporal's namespace names: letters, digits, '.', '_' and '-', at most 255 characters. */
  private static String checkNamespace(Setting s) {
    return InputChecks.named(s, NAMESPACE_PATTERN, 255, "Temporal namespace", "use letters, digits, '.', '_' and '-'");
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
