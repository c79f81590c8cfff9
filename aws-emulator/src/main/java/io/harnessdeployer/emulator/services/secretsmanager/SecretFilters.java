package io.harnessdeployer.emulator.services.secretsmanager;

import io.harnessdeployer.emulator.services.common.Params;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * ListSecrets filters: each value matches by prefix, a leading {@code !} negates it; values of one
 * filter are alternatives, filters combine with AND.
 */
final class SecretFilters {
  private SecretFilters() {}

  record Filter(String key, List<String> values) {}

  private static final String NEGATE = "!";

  static List<Filter> parse(List<Map<String, Object>> filters) {
    return filters.stream().map(f -> new Filter(Params.string(f, "Key"), Params.strings(f, "Values"))).toList();
  }

  static boolean matches(List<Filter> filters, Secret s, String region) {
    return filters.stream().allMatch(f -> f.values().stream().anyMatch(v -> matches(f.key(), v, s, region)));
  }

  private static boolean matches(String key, String value, Secret s, String region) {
    boolean negate = value.startsWith(NEGATE);
    String prefix = negate ? value.substring(1) : value;
    boolean hit = fields(key, s, region).anyMatch(field -> field != null && field.startsWith(prefix));
    return negate != hit;
  }

  private static Stream<String> fields(String key, Secret s, String region) {
    return switch (key) {
      case "name" -> Stream.of(s.name);
      case "description" -> Stream.of(s.description);
      case "tag-key" -> s.tags.keySet().stream();
      case "tag-value" -> s.tags.values().stream();
      case "primary-region" -> Stream.of(region);
      case "owning-service" -> Stream.empty();
      default -> Stream.concat(Stream.of(s.name, s.description), Stream.concat(s.tags.keySet().stream(), s.tags.values().stream()));
    };
  }
}
