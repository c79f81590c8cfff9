package io.harnessdeployer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.config.Prompter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  CliRun run(String... args) {
    return CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL), args);
  }

  @Test
  void noCommandIsBadInput() {
    CliRun r = run();
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
    assertEquals("error: a command is required (see 'client --help')", r.err().strip());
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliRun r = run("--help");
    assertEquals(ExitCodes.OK, r.exitCode());
    assertTrue(r.out().startsWith("Usage: client "), r.out());
    for (String verb : new String[] {"deploy", "status", "resume", "rollback"}) {
      assertTrue(r.out().contains(verb), verb);
    }
    assertTrue(r.out().contains("3  paused, waiting for an operator"), r.out());
  }

  @Test
  void deployHelpShowsTheMixinsOptions() {
    CliRun r = run("deploy", "--help");
    for (String option : new String[] {"--temporal-address", "--namespace", "--region", "--profile", "--endpoint-url",
        "--output", "--stacktrace", "--name", "--env-file", "--yes", "--no-wait", "--harness-name", "--on-failure"}) {
      assertTrue(r.out().contains(option), option + " missing from\n" + r.out());
    }
  }

  @Test
  void unexpectedErrorsAreOneLineUnlessStacktraceIsAsked() {
    CliContext ctx = CliRun.context(dir, Map.of(), Prompter.NONE, (a, n) -> {
      throw new IllegalStateException("boom");
    });
    CliRun plain = CliRun.run(ctx, "status", "--name", "x");
    assertEquals(ExitCodes.FAILED, plain.exitCode());
    assertEquals("error: IllegalStateException: boom (run with --stacktrace for details)", plain.err().strip());

    CliRun traced = CliRun.run(ctx, "status", "--name", "x", "--stacktrace");
    assertEquals(ExitCodes.FAILED, traced.exitCode());
    assertTrue(traced.err().startsWith("error: IllegalStateException: boom\n"), traced.err());
    assertTrue(traced.err().contains("\tat "), "stack trace expected: " + traced.err());

    // found by the reliability suite's fuzz section: the option matched, but its value is false
    CliRun notAsked = CliRun.run(ctx, "status", "--name", "x", "--stacktrace=false");
    assertEquals(ExitCodes.FAILED, notAsked.exitCode());
    assertEquals("error: IllegalStateException: boom (run with --stacktrace for details)", notAsked.err().strip());
  }

  @Test
  void outputMustBeTextOrJson() {
    CliRun r = run("status", "--output", "yaml");
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
