package io.harnessdeployer.client.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy --local} with no local stack running: it brings one up for the deploy and stops it after. */
class DeployLocalTest {
  @TempDir Path dir;

  Map<String, String> env() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Map.of(
        CliContext.STATE_DIR_ENV, dir.resolve("state").toString(),
        SealKeys.ENV_KEY, Base64.getEncoder().encodeToString(key),
        "ZSCALER_CLIENT_ID", "local-client",
        "ZSCALER_CLIENT_SECRET", "Local-Secret-123",
        "ZSCALER_CUSTOMER_ID", "42",
        "ZSCALER_VANITY_DOMAIN", "acme");
  }

  @Test
  void deployLocal_startsAStackForTheDeploy_followsItToTheSummary_thenStopsIt() {
    CliRun run = CliRun.run(CliRun.live(dir, env()), "deploy", "--local", "--name", "solo", "--yes",
        "--memory", "managed", "--max-tokens", "4000", "--allowed-tools", "@zscaler/*");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Deployed us-east-1/solo\n"), run.out());
    String harness = io.harnessdeployer.workflows.deploy.ResourceNames.forDeployment(
        new io.harnessdeployer.workflows.common.DeploymentKey("us-east-1", "solo")).harness();
    assertTrue(run.out().contains("(" + harness + ", READY)"), run.out());
    String logGroup = io.harnessdeployer.workflows.deploy.ResourceNames.forDeployment(
        new io.harnessdeployer.workflows.common.DeploymentKey("us-east-1", "solo")).logGroup();
    assertTrue(run.out().contains("  Logs                 " + logGroup + " (MCP server containers)\n"), run.out());
    assertFalse(run.out().contains("client status") || run.out().contains("client destroy"),
        "its stack is stopped: " + run.out());
    assertTrue(run.err().contains("[INFO] started a local stack for this deploy: Temporal 127.0.0.1:"), run.err());
    assertTrue(run.err().contains("[INFO] stopped the local stack of this deploy"), run.err());
    assertFalse(Files.exists(new LocalStackFile(dir.resolve("state")).path()),
        "a stack that lives for one command is not announced to others");
    assertFalse(run.out().contains("Local-Secret-123") || run.err().contains("Local-Secret-123"));
  }

  @Test
  void deployLocal_withAnAddressOfItsOwn_isBadInput_andStartsNothing() {
    CliContext ctx = CliRun.context(dir, env(), Prompter.NONE, CliRun.NO_TEMPORAL);
    CliRun run = CliRun.run(ctx, "deploy", "--local", "--temporal-address", "127.0.0.1:7233", "--yes");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(java.util.List.of("error: --local chooses Temporal and AWS itself: drop --temporal-address and --endpoint-url"),
        run.errorLines());

    CliRun noWait = CliRun.run(ctx, "deploy", "--local", "--no-wait", "--yes");
    assertEquals(ExitCodes.BAD_INPUT, noWait.exitCode(), noWait.toString());
    assertTrue(noWait.errorLines().get(0).contains("needs a running 'client dev'"), noWait.toString());
  }
}
