package io.harnessdeployer.emulator.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamp formats of the AWS protocols: unixTimestamp, iso8601, rfc822. */
final class Timestamps {
  static final String UNIX = "unixTimestamp";
  static final String ISO = "iso8601";
  static final String RFC822 = "rfc822";

  private Timestamps() {}

  /** A handler's timestamp value (Instant, epoch millis as Long, or ISO string) as an Instant. */
  static Instant instant(Object v) {
    if (v instanceof Instant i) return i;
    if (v instanceof Number n) return Instant.ofEpochMilli(n.longValue());
    if (v instanceof java.util.Date d) return d.toInstant();
    return Instant.parse(v.toString());
  }

  static String format(Instant t, String format) {
    return switch (format) {
      case ISO -> DateTimeFormatter.ISO_INSTANT.format(t);
      case RFC822 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
      default -> epochSeconds(t).toPlainString();
    };
  }

  static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
  }

  /** Accepts any of the three formats, whatever the model says, as AWS services do. */
  static Instant parse(String s) {
    s = s.trim();
    if (s.matches("-?\\d+(\\.\\d+)?")) return fromEpochSeconds(new BigDecimal(s));
    if (Character.isDigit(s.charAt(0))) return java.time.OffsetDateTime.parse(s).toInstant();
    return java.time.ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  static Instant fromEpochSeconds(BigDecimal seconds) {
    return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
  }
}
