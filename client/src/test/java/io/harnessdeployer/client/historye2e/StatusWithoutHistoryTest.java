package io.harnessdeployer.client.historye2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.commands.StatusCommand;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.client.local.LocalStackInfo;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status once Temporal has no run of a deployment: deployed on one local stack, then asked through
 * a fresh Temporal test server (as after retention or a restart) in front of the same emulator.
 */
class StatusWithoutHistoryTest {
  static final String NAME = "nohist";

  @TempDir Path dir;

  private Map<String, String> env() {
    byte[] seal = new byte[32];
    new SecureRandom().nextBytes(seal);
    return Map.of(
        CliContext.STATE_DIR_ENV, dir.resolve("state").toString(),
        SealKeys.ENV_KEY, Base64.getEncoder().encodeToString(seal),
        "ZSCALER_CLIENT_ID", "nohist-client", "ZSCALER_CLIENT_SECRET", "NoHist-Secret-987",
        "ZSCALER_CUSTOMER_ID", "42", "ZSCALER_VANITY_DOMAIN", "acme");
  }

  /** From now on the commands find {@code fresh}'s Temporal (no runs) with {@code first}'s emulator. */
  private static void forgetHistory(LocalStackFile discovery, LocalStack first, LocalStack fresh) {
    LocalStackInfo was = first.info();
    discovery.write(new LocalStackInfo(was.pid(), fresh.temporalAddress(), was.namespace(), was.awsEndpoint(),
        was.latency(), was.iamPropagation(), Instant.now()));
  }

  @Test
  void statusShowsTheLiveResourcesWithANote() throws Exception {
    Map<String, String> env = env();
    LocalStackFile discovery = new LocalStackFile(dir.resolve("state"));
    try (LocalStack first = LocalStack.builder().temporalPort(0).awsPort(0)
        .worker(SealKeys.load(env, dir)).discovery(discovery).start();
        LocalStack fresh = LocalStack.builder().temporalPort(0).awsPort(0).start()) {
      CliContext ctx = CliRun.live(dir, env);
      CliRun deploy = CliRun.run(ctx, "deploy", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.toString());
      CliRun other = CliRun.run(ctx, "deploy", "--name", "neighbour", "--yes");
      assertEquals(ExitCodes.OK, other.exitCode(), other.toString());
      CliRun gone = CliRun.run(ctx, "destroy", "--name", "neighbour", "--yes");
      assertEquals(ExitCodes.OK, gone.exitCode(), gone.toString());
      forgetHistory(discovery, first, fresh);

      CliRun status = CliRun.run(ctx, "status", "--name", NAME);
      assertEquals(ExitCodes.OK, status.exitCode(), status.toString());
      List<String> lines = status.out().lines().toList();
      assertEquals("us-east-1/" + NAME + ": 9 resources in AWS, no workflow history", lines.get(0), status.out());
      assertEquals("(" + StatusCommand.FROM_AWS + ")", lines.get(lines.size() - 1), status.out());
      List<String> rows = lines.subList(2, lines.size() - 1);
      assertEquals(List.of(
          "harness zscaler_mcp_nohist_harness READY arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/zscaler_mcp_nohist_harness-*",
          "iam-role zscaler-mcp-nohist-us-east-1-harness-role EXISTS arn:aws:iam::123456789012:role/zscaler-mcp-nohist-us-east-1-harness-role",
          "iam-role zscaler-mcp-nohist-us-east-1-ecs-task-exec-role EXISTS arn:aws:iam::123456789012:role/zscaler-mcp-nohist-us-east-1-ecs-task-exec-role",
          "iam-role zscaler-mcp-nohist-us-east-1-ecs-infra-role EXISTS arn:aws:iam::123456789012:role/zscaler-mcp-nohist-us-east-1-ecs-infra-role",
          "api-key-provider zscaler-mcp-nohist-creds EXISTS arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/zscaler-mcp-nohist-creds",
          "secret zscaler-mcp-harness/nohist/credentials EXISTS arn:aws:secretsmanager:us-east-1:123456789012:secret:zscaler-mcp-harness/nohist/credentials-*",
          "log-group /ecs/zscaler-mcp-nohist EXISTS arn:aws:logs:us-east-1:123456789012:log-group:/ecs/zscaler-mcp-nohist",
          "ecs-cluster zscaler-mcp-nohist ACTIVE arn:aws:ecs:us-east-1:123456789012:cluster/zscaler-mcp-nohist",
          "ecs-service zscaler-mcp-nohist-server ACTIVE arn:aws:ecs:us-east-1:123456789012:service/zscaler-mcp-nohist/zscaler-mcp-nohist-server"),
          rows.stream().map(r -> r.strip().replaceAll(" +", " ").replaceAll("(harness/\\w+-|credentials-)\\w+$", "$1*"))
              .toList(), status.out());
      assertFalse(status.out().contains("neighbour") || status.out().contains("NoHist-Secret-987"), status.out());

      CliRun json = CliRun.run(ctx, "status", "--name", NAME, "--output", "json");
      assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
      JsonNode found = new ObjectMapper().readTree(json.out());
      assertEquals(StatusCommand.FROM_AWS, found.get("source").asText(), json.out());
      assertEquals("us-east-1/" + NAME, found.get("deployment").asText(), json.out());
      Map<String, String> states = new TreeMap<>();
      found.get("resources").forEach(r -> states.put(r.get("kind").asText() + " " + r.get("name").asText(),
          r.get("state").asText()));
      assertEquals("READY", states.get("harness zscaler_mcp_nohist_harness"), json.out());
      assertEquals("ACTIVE", states.get("ecs-service zscaler-mcp-nohist-server"), json.out());
      assertEquals(9, found.get("resources").size(), json.out());
      assertTrue(found.get("resources").get(0).get("id").asText().startsWith("arn:aws:bedrock-agentcore:"), json.out());

      // destroyed: only its secret is left, scheduled for deletion, which does not count
      CliRun destroyed = CliRun.run(ctx, "status", "--name", "neighbour");
      assertEquals(ExitCodes.FAILED, destroyed.exitCode(), destroyed.toString());
      assertEquals("error: no deployment us-east-1/neighbour in Temporal (workflow id harness-deployer/us-east-1/neighbour)",
          destroyed.err().strip());
    }
  }

  @Test
  void gatewayTopologyPartsAreFoundByName() throws Exception {
    Map<String, String> env = env();
    LocalStackFile discovery = new LocalStackFile(dir.resolve("state"));
    try (LocalStack first = LocalStack.builder().temporalPort(0).awsPort(0)
        .worker(SealKeys.load(env, dir)).discovery(discovery).start();
        LocalStack fresh = LocalStack.builder().temporalPort(0).awsPort(0).start()) {
      java.nio.file.Files.writeString(dir.resolve(".env"), "GATEWAY_NAME=gw-named-in-env\n"); // status reads it too
      CliContext ctx = CliRun.live(dir, env);
      CliRun deploy = CliRun.run(ctx, "deploy", "--name", "nohistgw", "--topology", "gateway", "--yes");
      assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.toString());
      forgetHistory(discovery, first, fresh);

      CliRun json = CliRun.run(ctx, "status", "--name", "nohistgw", "--output", "json");
      assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
      JsonNode found = new ObjectMapper().readTree(json.out());
      assertEquals(StatusCommand.FROM_AWS, found.get("source").asText(), json.out());
      Map<String, String> states = new TreeMap<>();
      found.get("resources").forEach(r -> states.merge(r.get("kind").asText(), r.get("state").asText(), (a, b) -> a + "," + b));
      assertEquals(Map.of("harness", "READY", "iam-role", "EXISTS,EXISTS,EXISTS", "secret", "EXISTS",
          "agent-runtime", "READY", "gateway", "READY", "oauth2-provider", "EXISTS", "user-pool", "EXISTS"), states,
          json.out());
      assertTrue(json.out().contains("\"gw-named-in-env\""), json.out());
      assertTrue(json.out().contains("\"zscaler-mcp-nohistgw-us-east-1-runtime-role\"")
          && json.out().contains("\"zscaler-mcp-nohistgw-us-east-1-gateway-role\""), json.out());
    }
  }
}
