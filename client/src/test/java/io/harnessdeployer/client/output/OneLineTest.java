package io.harnessdeployer.client.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OneLineTest {
  @Test
  void controlCharactersAndLineBreaksBecomeSingleSpaces() {
    assertEquals("a b c d e", OneLine.of("  a\r\nb\t\tc\u001b\u0085d\u2028e \n", 100));
    assertNull(OneLine.of(null, 10));
    assertEquals("", OneLine.of("\n\t", 10));
  }

  @Test
  void longTextIsCutWithAnEllipsisWithinTheLimit() {
    assertEquals("abcdefghij", OneLine.of("abcdefghij", 10));
    assertEquals("abcdefghi…", OneLine.of("abcdefghijk", 10));
    assertEquals("abcdefgh…", OneLine.of("abcdefgh\uD83D\uDE00xyz", 10), "a surrogate pair is not split");
  }
}
