package io.harnessdeployer.emulator.services.iam;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The roles of one account. IAM role names are unique regardless of case. */
final class IamState {
  private final Map<String, Role> roles = new TreeMap<>();

  Optional<Role> role(String name) {
    return Optional.ofNullable(roles.get(key(name)));
  }

  Optional<Role> roleByArn(String arn) {
    return roles.values().stream().filter(r -> r.arn.equals(arn)).findFirst();
  }

  void put(Role role) {
    roles.put(key(role.name), role);
  }

  void remove(Role role) {
    roles.remove(key(role.name));
  }

  /** Ordered by name, case-insensitively. */
  Collection<Role> roles() {
    return roles.values();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
