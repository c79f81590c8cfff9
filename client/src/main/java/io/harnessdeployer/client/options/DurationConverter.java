package io.harnessdeployer.client.options;

import static io.harnessdeployer.client.output.UserText.quote;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code 90s}, {@code 20m}, {@code 1h30m} or ISO-8601 {@code PT20M} within bounds. Bounds
 * matter: a duration travels to the workflow as a protobuf Duration, and an absurd one (e.g.
 * {@code 99999999h}) failed its workflow task forever while the CLI waited.
 */
public class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");
  private final Duration min;
  private final Duration max;

  /** One second to one day: for durations without a tighter meaning. */
  public DurationConverter() {
    this(Duration.ofSeconds(1), Duration.ofDays(1));
  }

  protected DurationConverter(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  /**
   * {@code --timeout}, the deadline of each wait on the ECS service: under a minute a healthy
   * service cannot turn ACTIVE; after six hours nobody is waiting for it any more.
   */
  public static final class ServiceTimeout extends DurationConverter {
    public static final Duration MIN = io.harnessdeployer.workflows.common.Names.SERVICE_TIMEOUT_MIN;
    public static final Duration MAX = io.harnessdeployer.workflows.common.Names.SERVICE_TIMEOUT_MAX;

    public ServiceTimeout() {
      super(MIN, MAX);
    }
  }

  /**
   * {@code --every} of drift checks: more often than a minute only piles checks on AWS's describe
   * quotas; a week is as rare as a check is still worth scheduling.
   */
  public static final class DriftInterval extends DurationConverter {
    public static final Duration MIN = Duration.ofMinutes(1);
    public static final Duration MAX = Duration.ofDays(7);

    public DriftInterval() {
      super(MIN, MAX);
    }
  }

  @Override
  public Duration convert(String value) {
    Duration d = parse(value);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new TypeConversionException(quote(value) + " is out of range: between " + show(min) + " and " + show(max));
    }
    return d;
  }

  private static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      Matcher m = SHORT.matcher(v);
      if (!v.isEmpty() && m.matches()) {
        return Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
      }
    } catch (RuntimeException e) {
      // malformed or beyond Duration's range: the same answer below
    }
    throw new TypeConversionException(quote(value) + " is not a duration such as 20m or 1h30m");
  }

  /** {@code 1m}, {@code 6h}, {@code 1s}: how the bounds read in a message. */
  public static String show(Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
