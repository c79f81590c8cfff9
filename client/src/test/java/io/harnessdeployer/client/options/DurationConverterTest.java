package io.harnessdeployer.client.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  final DurationConverter c = new DurationConverter();

  @Test
  void readsShortAndIsoForms() {
    assertEquals(Duration.ofSeconds(90), c.convert("90s"));
    assertEquals(Duration.ofMinutes(20), c.convert("20m"));
    assertEquals(Duration.ofMinutes(90), c.convert("1h30m"));
    assertEquals(Duration.ofMinutes(20), c.convert("PT20M"));
  }

  @Test
  void theServiceTimeoutIsBetweenOneMinuteAndSixHours() {
    DurationConverter t = new DurationConverter.ServiceTimeout();
    assertEquals(Duration.ofMinutes(1), t.convert("1m"));
    assertEquals(Duration.ofHours(6), t.convert("6h"));
    assertEquals("'99999999h' is out of range: between 1m and 6h",
        assertThrows(TypeConversionException.class, () -> t.convert("99999999h")).getMessage());
    assertThrows(TypeConversionException.class, () -> t.convert("59s"));
    assertThrows(TypeConversionException.class, () -> t.convert("6h1s"));
    assertThrows(TypeConversionException.class, () -> t.convert("PT-5M"));
  }

  @Test
  void numbersBeyondRangeAreMalformedNotACrash() {
    assertEquals("'99999999999999999999h' is not a duration such as 20m or 1h30m",
        assertThrows(TypeConversionException.class, () -> c.convert("99999999999999999999h")).getMessage());
    assertThrows(TypeConversionException.class, () -> c.convert("P9999999999999999D"));
  }

  @Test
  void rejectsNonsenseAndZero() {
    assertThrows(TypeConversionException.class, () -> c.convert("soon"));
    assertThrows(TypeConversionException.class, () -> c.convert(""));
    assertThrows(TypeConversionException.class, () -> c.convert("0m"));
    assertThrows(TypeConversionException.class, () -> c.convert("PTx"));
  }
}
