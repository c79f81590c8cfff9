package io.harnessdeployer.client.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserTextTest {
  @Test
  void controlAndInvisibleCharactersAreEscapedAndABackslashDoubles() {
    assertEquals("'a\\nb\\tc\\rd\\x1b[31m\\x00\\x7f\\x9b\\u202e\\u200b\\u2028\\\\n'",
        UserText.quote("a\nb\tc\rd\u001b[31m\u0000\u007f\u009b\u202e\u200b\u2028\\n"));
    assertEquals("'zscäler_名前😀'", UserText.quote("zscäler_名前😀"), "printable unicode stays as it is");
  }

  @Test
  void longValuesAreCutToEightyCharactersWithTheirLength() {
    String q = UserText.quote("a".repeat(10_000));
    assertEquals("'" + "a".repeat(79) + "…' (10000 characters)", q);
    assertEquals("'" + "a".repeat(80) + "'", UserText.quote("a".repeat(80)), "80 fit");
  }

  @Test
  void aCutNeverSplitsAnEscapeOrASurrogatePair() {
    String escapes = UserText.shorten("\u001b".repeat(100), 80);
    assertEquals("\\x1b".repeat(19) + "…", escapes);
    String emoji = UserText.shorten("😀".repeat(100), 80);
    assertEquals("😀".repeat(39) + "…", emoji);
  }

  @Test
  void escapeAllKeepsBackslashesAndHasControlFindsWhatItWouldChange() {
    assertEquals("quoted 'x\\\\n' \\x1b", UserText.escapeAll("quoted 'x\\\\n' \u001b"));
    assertTrue(UserText.hasControl("x\u001b"));
    assertTrue(UserText.hasControl("x\u202e"));
    assertFalse(UserText.hasControl("a\\b é 名 😀"));
  }
}
