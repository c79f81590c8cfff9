package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.commands.HostileCases.Case;
import io.harnessdeployer.client.commands.HostileCases.Slot;
import io.harnessdeployer.client.commands.HostileCases.Where;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.client.temporal.TemporalConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8's table-driven acceptance, through the real command line. A rejected value: exit 2, one
 * error line of at most 200 characters, no raw control character anywhere on stderr, the value
 * never echoed beyond 80 characters (a credential or container value: never), no Temporal call. The
 * one other line allowed is the note naming the settings file, which an existing test requires on
 * failing runs too. A {@code ${...}} value where it is legal: the warning, and the run reaches
 * Temporal. A valid odd value (a bound, a rare region) reaches Temporal.
 */
class HostileInputTest {
  static final String SECRET = "Very-Secret-Client-Value-123";
  /** Base64 of 32 bytes: a seal key. */
  static final String VALID_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  static final String GOOD_ENV = String.join("\n",
      "ZSCALER_CLIENT_ID=client-1", "ZSCALER_CLIENT_SECRET=" + SECRET, "ZSCALER_CUSTOMER_ID=cust-9",
      "ZSCALER_VANITY_DOMAIN=acme", "");
  static final String REACHED = "test: Temporal reached, the inputs were accepted";
  static final Pattern SETTINGS_NOTE =
      Pattern.compile("\\[INFO] settings from \\S+|\\[WARN] no \\.env or env\\.properties here: .*");

  @TempDir(factory = io.harnessdeployer.client.MemoryTempDir.class) Path dir;

  static Stream<Case> cases() {
    return HostileCases.all().stream();
  }

  @Test
  void theTableCoversEveryFlagOfTheCommandsItRuns() {
    // every command but dev (DevInputErrorsTest has its own table), and their subcommands ("drift
    // schedule"): a new command must join the table
    List<String> commands = new ArrayList<>();
    java.io.PrintWriter none = new java.io.PrintWriter(java.io.Writer.nullWriter());
    io.harnessdeployer.client.Cli.commandLine(none, none, null).getSubcommands() // the verbs are registered there
        .forEach((name, sub) -> {
          if (!name.equals("dev")) {
            commands.add(name);
            sub.getSubcommands().keySet().forEach(nested -> commands.add(name + " " + nested));
          }
        });
    assertTrue(commands.contains("cancel") && commands.contains("drift schedule"), commands.toString());
    for (String cmd : commands) {
      List<String> helpArgs = new ArrayList<>(List.of(cmd.split(" ")));
      helpArgs.add("--help");
      CliRun help = CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL), helpArgs.toArray(String[]::new));
      List<String> covered = HostileCases.slots().stream().filter(s -> s.command().equals(cmd))
          .filter(s -> s.where() == Where.FLAG || s.where() == Where.BOOLEAN_FLAG).map(Slot::name).toList();
      java.util.regex.Matcher m = Pattern.compile("(?m)^\\s+(?:-[a-zA-Z], )?(--[a-z][a-z-]+)").matcher(help.out());
      int flags = 0;
      while (m.find()) {
        String flag = m.group(1);
        flags++;
        assertTrue(covered.contains(flag) || flag.equals("--help") || flag.equals("--version"),
            cmd + " " + flag + " is not in the table");
      }
      // a listing of every deployment reads only where Temporal is
      assertTrue(flags > (cmd.equals("drift schedules") ? 4 : 10), cmd + " --help lists " + flags + " flags: " + help.out());
    }
    assertTrue(HostileCases.all().size() > 1000, "cases: " + HostileCases.all().size());
  }

  /** Each case has its own directory, environment and connector: the cases run on every core. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Execution(ExecutionMode.CONCURRENT)
  void hostileValue(Case c) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.write(dir.resolve("binary.env"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
    Files.writeString(dir.resolve("seal.key"), VALID_KEY);
    Slot slot = c.slot();
    String value = c.value().replace(HostileOddValues.DIR, dir.toString());
    List<String> args = HostileCases.base(slot);
    Map<String, String> env = new HashMap<>();
    String dotEnv = GOOD_ENV;
    switch (slot.where()) {
      case FLAG -> args.addAll(value.startsWith("-") ? List.of(slot.name() + "=" + value) : List.of(slot.name(), value));
      case BOOLEAN_FLAG -> args.add(slot.name() + "=" + value);
      case ENV -> env.put(slot.name(), value);
      case FILE -> dotEnv += slot.name() + "=" + value + "\n";
    }
    Files.writeString(dir.resolve(".env"), dotEnv);
    AtomicInteger connects = new AtomicInteger();
    TemporalConnector temporal = (address, namespace) -> {
      connects.incrementAndGet();
      throw new CliException(ExitCodes.FAILED, REACHED);
    };
    CliRun run = CliRun.run(CliRun.context(dir, env, Prompter.NONE, temporal), args.toArray(String[]::new));
    String shown = c + ": " + UserText.escapeAll(run.toString());

    assertNoRawControl(run.err(), shown);
    assertFalse(run.err().contains(SECRET) || run.out().contains(SECRET), "the secret leaked: " + shown);
    if (slot.freeText() && value.length() > 2) {
      assertFalse(run.err().contains(value) || run.err().contains(UserText.shorten(value, 80)),
          "a credential or container value was shown: " + shown);
    }
    switch (c.outcome()) {
      case REJECTED -> {
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), shown);
        assertEquals(0, connects.get(), "a workflow call was attempted: " + shown);
        assertEquals("", run.out(), shown);
        List<String> lines = run.err().lines().toList();
        List<String> errors = lines.stream().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), shown);
        assertTrue(errors.get(0).length() <= 200, errors.get(0).length() + " characters: " + shown);
        lines.stream().filter(l -> !l.startsWith("error: "))
            .forEach(l -> assertTrue(SETTINGS_NOTE.matcher(l).matches(), "unexpected line: " + shown));
        if (value.length() > 80) {
          assertFalse(run.err().contains(value.substring(0, 81)), "more than 80 characters echoed: " + shown);
        }
      }
      case WARNED, ACCEPTED -> {
        assertEquals(ExitCodes.FAILED, run.exitCode(), shown);
        assertEquals(1, connects.get(), shown);
        assertTrue(run.err().contains("error: " + REACHED), shown);
        String warning = "[WARN] " + source(slot) + " holds '${…}': nothing substitutes it here";
        assertEquals(c.outcome() == HostileCases.Outcome.WARNED, run.err().contains(warning), warning + " in " + shown);
      }
    }
  }

  /** How the warning names where the value came from; the slot's file line follows GOOD_ENV's four. */
  private static String source(Slot slot) {
    return switch (slot.where()) {
      case FLAG, BOOLEAN_FLAG -> slot.name();
      case ENV -> "env " + slot.name();
      case FILE -> ".env:5 " + slot.name();
    };
  }

  static void assertNoRawControl(String text, String shown) {
    text.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean raw = (cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f) || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
      assertFalse(raw, String.format("raw U+%04X on stderr: %s", cp, shown));
    });
  }
}
