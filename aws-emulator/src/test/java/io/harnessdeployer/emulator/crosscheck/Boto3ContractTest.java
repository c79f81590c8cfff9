package io.harnessdeployer.emulator.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same lifecycles as the SDK v2 contract tests, driven by boto3 configured only through
 * {@code AWS_ENDPOINT_URL}: proof that an official SDK other than Java's works unchanged. The
 * emulator runs the realistic latency profile on a clock the script moves, so it stays fast and
 * deterministic.
 */
class Boto3ContractTest {
  private static final Path SCRIPT = Path.of("src/test/python/boto3_contract.py");
  private static final List<String> SECTIONS = List.of("sts", "assume-role", "iam", "ecs", "logs", "secretsmanager", "ecr", "agentcore",
      "cognito", "agentcore-gateway");

  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T04:00:00Z"));
  private Emulator emulator;

  @BeforeEach
  void start() {
    String missing = PythonScript.unavailable("boto3");
    Assumptions.assumeTrue(missing == null, () -> "boto3 contract test skipped: " + missing);
    EmulatorSettings settings = EmulatorSettings.defaults().withClock(clock).withLatency(LatencyProfile.realistic());
    emulator = Emulator.builder().settings(settings).build().start();
  }

  @AfterEach
  void stop() {
    if (emulator != null) emulator.close();
  }

  @Test
  void boto3_drivesEveryLifecycle_throughAwsEndpointUrlAlone() throws Exception {
    Map<String, String> env = Map.of(
        "AWS_ENDPOINT_URL", emulator.endpoint().toString(),
        "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", "test",
        "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_CONFIG_FILE", "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
        "AWS_MAX_ATTEMPTS", "1",
        "EMULATOR_CLOCK_CONTROL", "stdio");

    PythonScript.Result result =
        PythonScript.run(SCRIPT, SECTIONS, env, seconds -> clock.advance(Duration.ofSeconds(seconds)), Duration.ofSeconds(60));

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.lines().contains("PASS " + SECTIONS.size() + " sections"), result.output());
    for (String service : List.of("sts", "iam", "ecs", "logs", "secretsmanager", "ecr", "cognito-idp", "bedrock-agentcore-control", "bedrock-agentcore")) {
      assertFalse(emulator.requests().find(service, null).isEmpty(), "boto3 reached this emulator's " + service);
    }
  }
}
