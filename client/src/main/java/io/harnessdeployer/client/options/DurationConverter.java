package io.harnessdeployer.client.options;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 90s}, {@code 20m}, {@code 1h30m} or ISO-8601 {@code PT20M}; must be positive. */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Duration d;
    if (v.startsWith("pt")) {
      try {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new TypeConversionException("'" + value + "' is not a duration such as 20m or 1h30m");
      }
    } else {
      Matcher m = SHORT.matcher(v);
      if (v.isEmpty() || !m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a duration such as 20m or 1h30m");
      }
      d = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
    }
    if (d.isZero() || d.isNegative()) {
      throw new TypeConversionException("'" + value + "' must be longer than zero");
    }
    return d;
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
