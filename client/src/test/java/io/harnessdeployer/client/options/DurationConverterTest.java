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
  void rejectsNonsenseAndZero() {
    assertThrows(TypeConversionException.class, () -> c.convert("soon"));
    assertThrows(TypeConversionException.class, () -> c.convert(""));
    assertThrows(TypeConversionException.class, () -> c.convert("0m"));
    assertThrows(TypeConversionException.class, () -> c.convert("PTx"));
  }
}
