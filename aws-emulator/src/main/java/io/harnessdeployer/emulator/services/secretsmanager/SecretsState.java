package io.harnessdeployer.emulator.services.secretsmanager;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The secrets of one account and region, by name. */
final class SecretsState {
  private static final String ARN_PREFIX = "arn:";
  private static final String SECRET_MARKER = ":secret:";

  private final Map<String, Secret> secrets = new TreeMap<>();

  /**
   * A secret by name, full ARN, or partial ARN (the ARN without the random suffix). Secrets whose
   * recovery window has passed are gone first.
   */
  Optional<Secret> find(String secretId, Instant now) {
    purgeExpired(now);
    if (secretId == null) return Optional.empty();
    Secret byName = secrets.get(secretId);
    if (byName != null) return Optional.of(byName);
    if (!secretId.startsWith(ARN_PREFIX)) return Optional.empty();
    for (Secret s : secrets.values()) {
      if (s.arn.equals(secretId)) return Optional.of(s);
    }
    int at = secretId.indexOf(SECRET_MARKER);
    if (at < 0) return Optional.empty();
    Secret partial = secrets.get(secretId.substring(at + SECRET_MARKER.length()));
    return partial != null && partial.arn.startsWith(secretId + "-") ? Optional.of(partial) : Optional.empty();
  }

  void put(Secret s) {
    secrets.put(s.name, s);
  }

  void remove(Secret s) {
    secrets.remove(s.name);
  }

  Collection<Secret> all(Instant now) {
    purgeExpired(now);
    return secrets.values();
  }

  private void purgeExpired(Instant now) {
    secrets.values().removeIf(s -> s.deletionDate != null && !now.isBefore(s.deletionDate));
  }
}
