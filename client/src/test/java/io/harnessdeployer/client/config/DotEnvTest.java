package io.harnessdeployer.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotEnvTest {
  static DotEnv parse(String... lines) {
    return DotEnv.parse(".env", List.of(lines));
  }

  static String value(DotEnv env, String key) {
    return env.entry(key).map(DotEnv.Entry::value).orElse(null);
  }

  @Test
  void readsTheSeedSyntax() {
    DotEnv env = parse(
        "# comment",
        "",
        "   ",
        "  # indented comment",
        "A=1",
        " B = two words  ",
        "C=Secret#1",
        "D=value # trailing comment",
        "E=value\t# tab comment",
        "F=\"quoted\"",
        "G='single'",
        "H=a=b=c",
        "I=",
        "J=NOT_SET",
        "K=\"a #not a comment\"",
        "L=\"x\" # comment after quotes",
        "M= #only a comment");

    assertEquals("1", value(env, "A"));
    assertEquals("two words", value(env, "B"));
    assertEquals("Secret#1", value(env, "C"));
    assertEquals("value", value(env, "D"));
    assertEquals("value", value(env, "E"));
    assertEquals("quoted", value(env, "F"));
    assertEquals("single", value(env, "G"));
    assertEquals("a=b=c", value(env, "H"));
    assertEquals(Optional.empty(), env.entry("I"), "empty means absent");
    assertEquals(Optional.empty(), env.entry("J"), "NOT_SET means absent");
    assertEquals("a #not a comment", value(env, "K"));
    assertEquals("x", value(env, "L"));
    assertEquals(Optional.empty(), env.entry("M"));
    assertEquals(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M"), List.copyOf(env.values().keySet()));
  }

  @Test
  void repeatedKeyKeepsFirstPositionAndLastValue() {
    DotEnv env = parse("A=1", "B=2", "A=3");
    assertEquals(List.of("A", "B"), List.copyOf(env.values().keySet()));
    assertEquals("3", value(env, "A"));
    assertEquals(".env:3", env.where("A"));
  }

  @Test
  void handlesCrlfAndBom() {
    DotEnv env = parse("\uFEFFA=1\r", "B=2\r");
    assertEquals("1", value(env, "A"));
    assertEquals("2", value(env, "B"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ZSCALER_CLIENT_SECRET s3cr3t       | expected KEY=VALUE but the line has no '='",
      "=value                             | missing key before '='",
      "export ZSCALER_CLIENT_ID=abc       | the 'export' prefix is not supported",
      "1KEY=v                             | invalid key",
      "MY-KEY=v                           | invalid key",
      "KEY=\"unterminated                 | unterminated quote",
      "KEY='unterminated                  | unterminated quote",
      "KEY=\"a\" b                        | unexpected text after the closing",
      "KEY=abc'                           | ends with a quote it never opened",
  })
  void malformedLinesStopWithFileAndLineNumber(String line, String message) {
    CliException e = assertThrows(CliException.class, () -> parse("# header", "A=1", line.strip()));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().startsWith(".env:3: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void malformedLineMessageNeverRepeatsTheLine() {
    CliException e = assertThrows(CliException.class, () -> parse("ZSCALER_CLIENT_SECRET hunter2-secret"));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    CliException quote = assertThrows(CliException.class, () -> parse("ZSCALER_CLIENT_SECRET=\"hunter2-secret"));
    assertFalse(quote.getMessage().contains("hunter2"), quote.getMessage());
  }

  @Test
  void readsFilesAndRejectsNonUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.env");
    Files.writeString(file, "A=é\n");
    assertEquals("é", value(DotEnv.read(file, "x.env"), "A"));

    Files.write(file, new byte[] {'A', '=', (byte) 0xff, (byte) 0xfe, '\n'});
    CliException e = assertThrows(CliException.class, () -> DotEnv.read(file, "x.env"));
    assertEquals("x.env: not a UTF-8 text file", e.getMessage());
  }
}
