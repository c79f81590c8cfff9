package io.harnessdeployer.client;

import io.harnessdeployer.client.config.ConsolePrompter;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.live.LiveAws;
import io.harnessdeployer.client.live.LiveLookup;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.client.temporal.TemporalConnector;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What a command may read from the outside world, so tests need no real environment, terminal or
 * Temporal server.
 *
 * @param env the process environment
 * @param cwd where {@code .env} is discovered
 * @param home where the default seal key lives
 * @param prompter asks a person, when there is a terminal
 * @param liveProgress redraw the progress table in place (stderr is a capable terminal)
 * @param pollInterval how long each wait for a result lasts before progress is redrawn
 * @param aws opens the clients {@code status} asks for the live harness and service
 */
public record CliContext(
    Map<String, String> env,
    Path cwd,
    Path home,
    Prompter prompter,
    boolean liveProgress,
    Clock clock,
    Duration pollInterval,
    TemporalConnector temporal,
    LiveAws.Opener aws) {
  public static final String STATE_DIR_ENV = "HARNESS_DEPLOYER_HOME";

  public static CliContext system() {
    Map<String, String> env = System.getenv();
    boolean terminal = ConsolePrompter.isTerminal(System.console());
    String term = env.getOrDefault("TERM", "");
    boolean live = terminal && !term.isEmpty() && !term.equals("dumb") && !env.containsKey("NO_COLOR");
    return new CliContext(
        env,
        Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home")),
        ConsolePrompter.system(),
        live,
        Clock.systemUTC(),
        Duration.ofSeconds(1),
        TemporalConnector.grpc(),
        LiveLookup::open);
  }

  /** {@code HARNESS_DEPLOYER_HOME}, else {@code ~/.harness-deployer}: where the local stack announces itself. */
  public Path stateDir() {
    String dir = env.get(STATE_DIR_ENV);
    if (dir == null || dir.isBlank()) {
      return home.resolve(".harness-deployer");
    }
    try {
      return Path.of(dir.trim());
    } catch (InvalidPathException e) {
      throw CliException.badInput(STATE_DIR_ENV + " " + UserText.quote(dir.trim()) + " is not a valid path");
    }
  }

  public CliContext withPrompter(Prompter p) {
    return new CliContext(env, cwd, home, p, liveProgress, clock, pollInterval, temporal, aws);
  }
}
