package io.harnessdeployer.client.historye2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.commands.ListCommand;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history (and list) through the real command line against a local stack, real workflows and the emulator. */
class HistoryListTest {
  static final String NAME = "histcycle";

  @TempDir Path dir;

  @Test
  void historyShowsDeployThenDestroyWithOutcomes() throws Exception {
    byte[] seal = new byte[32];
    new SecureRandom().nextBytes(seal);
    Map<String, String> env = Map.of(
        CliContext.STATE_DIR_ENV, dir.resolve("state").toString(),
        SealKeys.ENV_KEY, Base64.getEncoder().encodeToString(seal),
        "ZSCALER_CLIENT_ID", "hist-client", "ZSCALER_CLIENT_SECRET", "Hist-Secret-987",
        "ZSCALER_CUSTOMER_ID", "42", "ZSCALER_VANITY_DOMAIN", "acme");
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0)
        .worker(SealKeys.load(env, dir)).discovery(new LocalStackFile(dir.resolve("state"))).start()) {
      CliContext ctx = CliRun.live(dir, env);
      CliRun deploy = CliRun.run(ctx, "deploy", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.toString());
      CliRun destroy = CliRun.run(ctx, "destroy", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, destroy.exitCode(), destroy.toString());

      CliRun history = CliRun.run(ctx, "history", "--name", NAME);
      assertEquals(ExitCodes.OK, history.exitCode(), history.toString());
      List<String> rows = history.out().lines().skip(1).toList();
      assertEquals(2, rows.size(), history.out());
      assertTrue(rows.get(0).matches("deploy +\\S+Z +\\S+Z +SUCCEEDED +account \\d{12} +-"), history.out());
      assertTrue(rows.get(1).matches("destroy +\\S+Z +\\S+Z +DESTROYED +account \\d{12} +-"),
          history.out());

      CliRun json = CliRun.run(ctx, "history", "--name", NAME, "--output", "json");
      assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
      JsonNode ops = new ObjectMapper().readTree(json.out()).get("operations");
      assertEquals(List.of("deploy SUCCEEDED", "destroy DESTROYED"), List.of(
          ops.get(0).get("operation").asText() + " " + ops.get(0).get("outcome").asText(),
          ops.get(1).get("operation").asText() + " " + ops.get(1).get("outcome").asText()), json.out());
      assertTrue(ops.get(0).get("startedBy").asText().matches("account \\d{12}"), json.out());
      assertTrue(!json.out().contains("Hist-Secret-987") && !history.out().contains("Hist-Secret-987"));
    }
  }

  @Test
  void listShowsTwoDeploymentsInTwoRegions() throws Exception {
    byte[] seal = new byte[32];
    new SecureRandom().nextBytes(seal);
    Map<String, String> env = Map.of(
        CliContext.STATE_DIR_ENV, dir.resolve("state").toString(),
        SealKeys.ENV_KEY, Base64.getEncoder().encodeToString(seal),
        "ZSCALER_CLIENT_ID", "list-client", "ZSCALER_CLIENT_SECRET", "List-Secret-987",
        "ZSCALER_CUSTOMER_ID", "42", "ZSCALER_VANITY_DOMAIN", "acme");
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0)
        .worker(SealKeys.load(env, dir)).discovery(new LocalStackFile(dir.resolve("state"))).start()) {
      CliContext ctx = CliRun.live(dir, env);
      CliRun east = CliRun.run(ctx, "deploy", "--name", "listeast", "--region", "us-east-1", "--yes");
      assertEquals(ExitCodes.OK, east.exitCode(), east.toString());
      CliRun west = CliRun.run(ctx, "deploy", "--name", "listwest", "--region", "us-west-2", "--yes");
      assertEquals(ExitCodes.OK, west.exitCode(), west.toString());

      CliRun list = CliRun.run(ctx, "list");
      assertEquals(ExitCodes.OK, list.exitCode(), list.toString());
      List<String> rows = list.out().lines().toList();
      assertTrue(rows.stream().anyMatch(l -> l.matches("us-east-1/listeast +SUCCEEDED +ecs +us-east-1 +deploy \\S+Z")),
          list.out());
      assertTrue(rows.stream().anyMatch(l -> l.matches("us-west-2/listwest +SUCCEEDED +ecs +us-west-2 +deploy \\S+Z")),
          list.out());
      assertEquals("(" + ListCommand.FROM_TAGS + ")", rows.get(rows.size() - 1), list.out());

      CliRun one = CliRun.run(ctx, "list", "--region", "us-west-2", "--output", "json");
      assertEquals(ExitCodes.OK, one.exitCode(), one.toString());
      JsonNode listed = new ObjectMapper().readTree(one.out());
      assertEquals(1, listed.get("deployments").size(), one.out());
      assertEquals("us-west-2/listwest", listed.get("deployments").get(0).get("deployment").asText(), one.out());
      assertEquals(ListCommand.FROM_TAGS, listed.get("source").asText(), one.out());
    }
  }
}
