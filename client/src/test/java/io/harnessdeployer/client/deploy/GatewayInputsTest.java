package io.harnessdeployer.client.deploy;

import static io.harnessdeployer.client.deploy.DeployInputsResolverTest.FULL_ENV;
import static io.harnessdeployer.client.deploy.DeployInputsResolverTest.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.ScriptedPrompter;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway topology's inputs: how it is chosen (spec §1.5, P2), its names (§1.3, §1.4), what it ignores. */
class GatewayInputsTest {
  static List<String> with(String... lines) {
    List<String> all = new ArrayList<>(FULL_ENV);
    all.addAll(List.of(lines));
    return all;
  }

  @Test
  void topologyFromTheFlag_thenDotEnvBeforeTheEnvironment_asTheSeedReadIt() {
    assertEquals(Topology.GATEWAY, resolve(FULL_ENV, "--topology", "gateway").request().topology());
    assertEquals(Topology.GATEWAY, resolve(FULL_ENV, "--topology", "GATEWAY").request().topology());
    assertEquals(Topology.GATEWAY,
        resolve(Map.of("TOPOLOGY", "ecs"), with("TOPOLOGY=gateway"), Prompter.NONE, false).request().topology());
    assertEquals(Topology.ECS,
        resolve(Map.of("TOPOLOGY", "gateway"), with("TOPOLOGY=ecs"), Prompter.NONE, false).request().topology());
    assertEquals(Topology.ECS,
        resolve(Map.of("TOPOLOGY", "gateway"), with("TOPOLOGY=gateway"), Prompter.NONE, false, "--topology", "ecs")
            .request().topology());
    assertTrue(resolve(FULL_ENV, "--topology", "gateway").inputs().topologyGiven());
    assertFalse(resolve(FULL_ENV).inputs().topologyGiven());
  }

  @Test
  void withoutOne_aTerminalIsAsked_P2_defaultEcs_andYesTakesTheDefault() {
    ScriptedPrompter gateway = new ScriptedPrompter("2", "", "");
    DeployRequest r = resolve(Map.of(), FULL_ENV, gateway, false).request();
    assertEquals(Topology.GATEWAY, r.topology());
    assertTrue(gateway.asked.get(0).startsWith("Topology:"), gateway.asked.toString());
    assertTrue(gateway.asked.get(1).startsWith("Use AWS Secrets Manager") && gateway.asked.get(1).contains("Runtime's"),
        "no MCP-source question for the gateway; the secret question names the Runtime: " + gateway.asked);
    assertEquals(SecretMode.MANAGED, r.secretMode());

    ScriptedPrompter pressEnter = new ScriptedPrompter("", "", "", "");
    assertEquals(Topology.ECS, resolve(Map.of(), FULL_ENV, pressEnter, false).request().topology());

    ScriptedPrompter yes = new ScriptedPrompter();
    assertEquals(Topology.ECS, resolve(Map.of(), FULL_ENV, yes, true).request().topology());
    assertEquals(List.of(), yes.asked, "--yes takes the defaults");
  }

  @Test
  void theNamesDefaultToTheDeployments_flagBeforeEnvironmentBeforeDotEnv() {
    assertEquals(GatewayNames.defaults(), resolve(FULL_ENV, "--topology", "gateway").request().names().gateway());
    assertEquals(GatewayNames.forDeployment(new DeploymentKey("eu-west-1", "team-a")),
        resolve(FULL_ENV, "--name", "team-a", "--region", "eu-west-1").request().names().gateway());

    GatewayNames g = resolve(Map.of("GATEWAY_NAME", "from-env", "RUNTIME_NAME", "rt_env"),
        with("GATEWAY_NAME=from-file", "RUNTIME_NAME=rt_file", "COGNITO_USER_POOL_NAME=Pool From File",
            "COGNITO_DOMAIN_PREFIX=acme-login"),
        Prompter.NONE, false, "--topology", "gateway", "--runtime-name", "rt_flag",
        "--runtime-execution-role-name", "rt-role", "--gateway-target-name", "tgt", "--gateway-role-name", "gw-role",
        "--oauth-provider-name", "oauth-x", "--cognito-resource-server-identifier", "https://api.acme.example",
        "--cognito-scope-name", "mcp.invoke", "--cognito-app-client-name", "acme client").request().names().gateway();
    assertEquals(new GatewayNames("rt_flag", "rt-role", "from-env", "tgt", "gw-role", "oauth-x", "Pool From File",
        "https://api.acme.example", "mcp.invoke", "acme client", "acme-login"), g);
    assertEquals("https://api.acme.example/mcp.invoke", g.cognitoScope());
  }

  @Test
  void anMcpUrlIsIgnoredWithAWarning_theImageAndSecretChoicesStillApply() {
    DeployInputsResolverTest.Resolved r = resolve(Map.of("MCP_URL", "https://mcp.example.com"),
        with("ZSCALER_MCP_IMAGE_URI=111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1"), Prompter.NONE, false,
        "--topology", "gateway", "--no-secrets-manager");
    assertNull(r.request().externalMcpUrl());
    assertTrue(r.notes().contains("[WARN] MCP URL (from env MCP_URL) is ignored: the gateway topology runs the server"
        + " on an AgentCore Runtime"), r.notes().toString());
    assertEquals("111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1", r.request().imageUri());
    assertEquals(SecretMode.PLAINTEXT, r.request().secretMode());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("the AgentCore Runtime's configuration")), r.notes().toString());
  }
}
