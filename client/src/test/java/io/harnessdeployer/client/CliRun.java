package io.harnessdeployer.client;

import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.live.HarnessState;
import io.harnessdeployer.client.live.LiveAws;
import io.harnessdeployer.client.live.LiveLookup;
import io.harnessdeployer.client.live.GatewayState;
import io.harnessdeployer.client.live.RuntimeState;
import io.harnessdeployer.client.live.ServiceState;
import io.harnessdeployer.client.temporal.TemporalConnector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the real command line with captured stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {
  /** A connector that fails the test: bad input must never reach Temporal. */
  public static final TemporalConnector NO_TEMPORAL = (address, namespace) -> {
    throw new AssertionError("a workflow call was attempted");
  };

  /**
   * A stand-in for AWS in {@code status}: every harness it is asked about is READY, every service
   * ACTIVE at {@code <last ARN segment>.ecs.test}, every Runtime, Gateway and target READY; it holds
   * no resource of a deployment Temporal does not know; never a network call.
   */
  public static final LiveAws.Opener FAKE_AWS = (target, region, profile) -> new LiveAws() {
    @Override
    public HarnessState harness(String r, String id) {
      return new HarnessState(id, "arn:aws:bedrock-agentcore:" + r + ":1:harness/" + id, "READY", null);
    }

    @Override
    public ServiceState service(String r, String arn) {
      return new ServiceState(arn, "ACTIVE", arn.substring(arn.lastIndexOf(':') + 1) + ".ecs.test", null);
    }

    @Override
    public RuntimeState runtime(String r, String id) {
      return new RuntimeState(id, "arn:aws:bedrock-agentcore:" + r + ":1:runtime/" + id, "rt", "READY", "image:1", null);
    }

    @Override
    public GatewayState gateway(String r, String id, String targetId) {
      return new GatewayState(id, "gw", "READY", "https://" + id + ".gateway.test/mcp", targetId, "target", "READY", null);
    }

    @Override
    public java.util.List<io.harnessdeployer.client.live.FoundResources.Found> resources(
        io.harnessdeployer.workflows.common.DeploymentKey key, io.harnessdeployer.workflows.deploy.ResourceNames names) {
      return java.util.List.of();
    }

    @Override
    public String callerAccount(String r) {
      if ("doesnotexist".equals(profile)) {
        throw new IllegalStateException("Profile file contained no credentials for profile 'doesnotexist'");
      }
      return FAKE_ACCOUNT;
    }

    @Override
    public void close() {}
  };

  /** The account {@link #FAKE_AWS} answers for every profile but {@code doesnotexist}. */
  public static final String FAKE_ACCOUNT = "123456789012";

  public static CliContext context(Path dir, Map<String, String> env, Prompter prompter, TemporalConnector temporal) {
    return new CliContext(env, dir, dir.resolve("home"), prompter, false,
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMillis(200), temporal, FAKE_AWS);
  }

  /** Real Temporal and AWS clients, wall-clock time: for tests against a local stack. */
  public static CliContext live(Path dir, Map<String, String> env) {
    return new CliContext(env, dir, dir.resolve("home"), Prompter.NONE, false, Clock.systemUTC(), Duration.ofMillis(200),
        TemporalConnector.grpc(), LiveLookup::open);
  }

  public static CliRun run(CliContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), context).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The stderr lines that are errors (start with "error:"). */
  public java.util.List<String> errorLines() {
    return err.lines().filter(l -> l.startsWith("error:")).toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
