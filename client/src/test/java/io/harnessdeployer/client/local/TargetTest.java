package io.harnessdeployer.client.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Where commands go: flag → environment → a live local stack's file → defaults. */
class TargetTest {
  static final LocalStackInfo RUNNING = new LocalStackInfo(ProcessHandle.current().pid(), "127.0.0.1:17233", "default",
      "http://127.0.0.1:14566", "instant", Duration.ZERO, Instant.parse("2026-01-01T00:00:00Z"));

  @TempDir Path dir;
  final Map<String, String> env = new HashMap<>();

  @Command
  static final class Flags {
    @Mixin TemporalOptions temporal;
    @Mixin AwsOptions aws;
  }

  Target resolve(String... args) {
    Flags f = new Flags();
    new CommandLine(f).parseArgs(args);
    env.put(CliContext.STATE_DIR_ENV, dir.resolve("state").toString());
    return Target.resolve(CliRun.context(dir, env, Prompter.NONE, CliRun.NO_TEMPORAL), f.temporal, f.aws);
  }

  void announce(LocalStackInfo info) {
    new LocalStackFile(dir.resolve("state")).write(info);
  }

  @Test
  void nothingGiven_nothingRunning_defaultsAndAwsItself() {
    Target t = resolve();
    assertEquals("127.0.0.1:7233", t.temporalAddress());
    assertEquals("default", t.namespace());
    assertNull(t.awsEndpoint());
    assertTrue(t.local().isEmpty());
    assertEquals(Duration.ofSeconds(10), t.iamPropagation(), "the spec's wait against AWS");
  }

  @Test
  void aLiveLocalStack_isFoundThroughItsFile_withItsEmulatorAndPropagation() {
    announce(RUNNING);
    Target t = resolve();
    assertEquals("127.0.0.1:17233", t.temporalAddress());
    assertEquals("http://127.0.0.1:14566", t.awsEndpoint());
    assertTrue(t.awsIsLocal());
    assertEquals(Duration.ZERO, t.iamPropagation());
  }

  @Test
  void aFileWhoseProcessIsGone_isIgnored() {
    announce(new LocalStackInfo(999_999_999L, "127.0.0.1:17233", "default", "http://127.0.0.1:14566", "instant",
        Duration.ZERO, Instant.now()));
    Target t = resolve();
    assertEquals("127.0.0.1:7233", t.temporalAddress());
    assertTrue(t.local().isEmpty());
    assertNull(t.awsEndpoint());
  }

  @Test
  void temporalAddressElsewhere_leavesTheLocalStackAlone_awsToo() {
    announce(RUNNING);
    env.put("TEMPORAL_ADDRESS", "temporal.prod:7233");
    Target t = resolve();
    assertEquals("temporal.prod:7233", t.temporalAddress());
    assertTrue(t.local().isEmpty());
    assertNull(t.awsEndpoint(), "a worker elsewhere does not use this emulator");
    assertEquals(Duration.ofSeconds(10), t.iamPropagation());
  }

  @Test
  void theLocalStacksOwnAddress_inTheEnvironment_isStillTheLocalStack() {
    announce(RUNNING);
    env.put("TEMPORAL_ADDRESS", "127.0.0.1:17233");
    assertTrue(resolve().awsIsLocal());
  }

  @Test
  void flagsWinOverEnvironment_environmentOverTheFile() {
    announce(RUNNING);
    env.put("TEMPORAL_ADDRESS", "127.0.0.1:17233");
    env.put("AWS_ENDPOINT_URL", "http://other:4566");
    Target fromEnv = resolve();
    assertEquals("http://other:4566", fromEnv.awsEndpoint());
    assertFalse(fromEnv.awsIsLocal(), "another endpoint: not the stack's emulator");
    assertEquals(Duration.ofSeconds(10), fromEnv.iamPropagation());

    Target fromFlags = resolve("--temporal-address", "flag:7233", "--endpoint-url", "http://flag:4566", "--namespace", "ns");
    assertEquals("flag:7233", fromFlags.temporalAddress());
    assertEquals("http://flag:4566", fromFlags.awsEndpoint());
    assertEquals("ns", fromFlags.namespace());
  }

  @Test
  void theFile_isReplacedWhole_andRemovedOnlyByItsOwner() throws Exception {
    LocalStackFile file = new LocalStackFile(dir.resolve("state"));
    file.write(RUNNING);
    assertEquals(RUNNING, file.live().orElseThrow());
    file.removeIfOwnedBy(RUNNING.pid() + 1);
    assertTrue(Files.exists(file.path()), "another stack's file stays");
    file.removeIfOwnedBy(RUNNING.pid());
    assertFalse(Files.exists(file.path()));

    Files.writeString(file.path(), "{\"pid\": 12");
    assertTrue(file.live().isEmpty(), "a torn file counts as no stack");
  }
}
