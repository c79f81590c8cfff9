package io.harnessdeployer.emulator.services.logs;

import io.harnessdeployer.emulator.error.AwsServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Unstructured filter patterns as CloudWatch Logs reads them: terms that must all appear
 * (case-sensitive), {@code "quoted phrases"}, {@code -term} to exclude, and {@code ?term} for
 * any-of. JSON ({@code { ... }}) and space-delimited ({@code [ ... ]}) patterns are refused rather
 * than silently matching everything.
 */
final class FilterPatterns {
  private FilterPatterns() {}

  static final String UNSUPPORTED = "The emulator supports only term, phrase, -exclude and ?any filter patterns: ";

  static Predicate<String> compile(String pattern) {
    if (pattern == null || pattern.isBlank()) return m -> true;
    String p = pattern.trim();
    if (p.startsWith("{") || p.startsWith("[") || p.startsWith("%")) {
      throw AwsServiceError.of(LogsConstants.INVALID_PARAMETER, UNSUPPORTED + pattern);
    }
    List<String> required = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    List<String> anyOf = new ArrayList<>();
    for (String token : tokens(p)) {
      if (token.startsWith("-") && token.length() > 1) excluded.add(unquote(token.substring(1)));
      else if (token.startsWith("?") && token.length() > 1) anyOf.add(unquote(token.substring(1)));
      else required.add(unquote(token));
    }
    return m ->
        required.stream().allMatch(m::contains)
            && excluded.stream().noneMatch(m::contains)
            && (anyOf.isEmpty() || anyOf.stream().anyMatch(m::contains));
  }

  /** Splits on spaces outside double quotes. */
  private static List<String> tokens(String p) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : p.toCharArray()) {
      if (c == '"') quoted = !quoted;
      if (c == ' ' && !quoted) {
        if (!cur.isEmpty()) out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.isEmpty()) out.add(cur.toString());
    return out;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
