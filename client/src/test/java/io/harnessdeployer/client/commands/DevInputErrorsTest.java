package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dev}'s own flags: a bad port or latency is exit 2 with one line, before any stack starts
 * (a started stack would run until Ctrl-C: the timeout fails the test then).
 */
class DevInputErrorsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @Timeout(20)
  @ValueSource(strings = {"--temporal-port=70000", "--temporal-port=-1", "--aws-port=65536", "--aws-port=x\u001b[2J",
      "--latency=realistic,iam.propagation=99999999m", "--latency=realistic,ecs.activate=-5s",
      "--latency=x\u001b[31m\nforged", "--latency=realistic,nope=1s"})
  void badDevFlagIsOneLineExitTwo(String arg) {
    CliRun run = CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL), "dev", arg);
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.toString());
    assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).length() <= 200, run.toString());
    HostileInputTest.assertNoRawControl(run.err(), run.toString());
    assertEquals("", run.out());
  }
}
