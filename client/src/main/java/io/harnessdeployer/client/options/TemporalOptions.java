package io.harnessdeployer.client.options;

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

  @Option(names = "--temporal-address", paramLabel = "HOST:PORT",
      description = "Temporal frontend (default: $TEMPORAL_ADDRESS, else a running 'client dev', else "
          + DEFAULT_ADDRESS + ").")
  String address;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Temporal namespace (default: $TEMPORAL_NAMESPACE, else " + DEFAULT_NAMESPACE + ").")
  String namespace;

  /** The flag, else {@code TEMPORAL_ADDRESS}; empty when neither is set. */
  public Optional<String> explicitAddress(Map<String, String> env) {
    return Optional.ofNullable(firstNonBlank(address, env.get("TEMPORAL_ADDRESS")));
  }

  public boolean addressFlagGiven() {
    return address != null && !address.isBlank();
  }

  public String namespace(Map<String, String> env) {
    return firstNonBlank(namespace, namespaceFromEnv(env));
  }

  /** {@code TEMPORAL_NAMESPACE}, else {@value #DEFAULT_NAMESPACE}: for commands without the flag. */
  public static String namespaceFromEnv(Map<String, String> env) {
    return firstNonBlank(env.get("TEMPORAL_NAMESPACE"), DEFAULT_NAMESPACE);
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
