package io.harnessdeployer.client.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorLineTest {
  @Test
  void aMessageIsEscapedOntoOneLine() {
    assertEquals("error: bad\\nforged \\x1b[2J", ErrorLine.of("bad\nforged \u001b[2J", ErrorLine.MAX));
  }

  @Test
  void aLongMessageIsCutBeforeTheSuffixWithinTheLimit() {
    String line = ErrorLine.of("x".repeat(500), " (see 'client deploy --help')", ErrorLine.MAX);
    assertEquals(ErrorLine.MAX, line.length());
    assertTrue(line.endsWith("x… (see 'client deploy --help')"), line);
    assertEquals("error: short", ErrorLine.of("short", ErrorLine.MAX));
  }
}
