package io.harnessdeployer.client.cds;

import io.harnessdeployer.client.Cli;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.live.LiveLookup;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.client.temporal.TemporalConnector;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The training run of the client's class-data archive: {@code bin/client} runs it once per build
 * under {@code -XX:ArchiveClassesAtExit}, so the classes a real command loads come from the archive
 * afterwards. It deploys on an in-process local stack found the way commands find {@code client dev}
 * (its discovery file), then runs the read-only commands against it. Exit 1 when any step fails:
 * bin/client then keeps no archive.
 */
public final class ArchiveTraining {
  private static final String NAME = "cds-training";
  private static final List<List<String>> COMMANDS = List.of(
      List.of("deploy", "--name", NAME, "--yes"),
      List.of("status", "--name", NAME),
      List.of("status", "--name", NAME, "--output", "json"),
      List.of("history", "--name", NAME),
      List.of("list"),
      List.of("--help"));

  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("client-cds-");
    byte[] key = new byte[SealKey.LENGTH_BYTES];
    new SecureRandom().nextBytes(key);
    Map<String, String> env = Map.of(
        CliContext.STATE_DIR_ENV, dir.resolve("state").toString(),
        SealKeys.ENV_KEY, Base64.getEncoder().encodeToString(key),
        "ZSCALER_CLIENT_ID", "training", "ZSCALER_CLIENT_SECRET", "training-secret",
        "ZSCALER_CUSTOMER_ID", "1234567", "ZSCALER_VANITY_DOMAIN", "training");
    CliContext ctx = new CliContext(env, dir, dir, Prompter.NONE, false, Clock.systemUTC(), Duration.ofMillis(200),
        TemporalConnector.grpc(), LiveLookup::open);
    int failed = 0;
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0).worker(SealKey.of(key, "training"))
        .discovery(new LocalStackFile(ctx.stateDir())).start()) {
      PrintWriter none = new PrintWriter(Writer.nullWriter());
      for (List<String> command : COMMANDS) {
        int code = Cli.commandLine(none, none, ctx).execute(command.toArray(String[]::new));
        if (code != 0) {
          System.err.println("training: '" + String.join(" ", command) + "' exited " + code);
          failed++;
        }
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
