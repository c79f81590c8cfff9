package io.harnessdeployer.client.destroy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.DotEnv;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** destroy's gateway inputs: --topology, --keep-cognito, and the same gateway names deploy resolves. */
class GatewayDestroyInputsTest {
  record Resolved(DestroyRequest request, boolean topologyGiven) {}

  static Resolved resolve(Map<String, String> env, List<String> dotEnv, String... args) {
    DestroyFlags flags = new DestroyFlags();
    AwsOptions aws = new AwsOptions();
    String[] name = new String[1];
    new CommandLine(new Object() {
      @CommandLine.Mixin DestroyFlags f = flags;
      @CommandLine.Mixin AwsOptions a = aws;
      @CommandLine.Option(names = "--name") void name(String n) { name[0] = n; }
    }).parseArgs(args);
    DestroyInputsResolver r = new DestroyInputsResolver(new ConfigResolver(env, DotEnv.parse(".env", dotEnv), Prompter.NONE));
    return new Resolved(r.resolve(flags, aws, name[0]), r.topologyGiven(flags));
  }

  @Test
  void keepCognito_andTheGatewayNames() {
    Resolved r = resolve(Map.of(), List.of("COGNITO_USER_POOL_NAME=my-pool"), "--name", "gw1", "--topology", "gateway",
        "--keep-cognito", "--gateway-name", "gw-1");
    assertEquals(Topology.GATEWAY, r.request().topology());
    assertTrue(r.request().keepCognito());
    assertTrue(r.topologyGiven());
    GatewayNames own = GatewayNames.forDeployment(new DeploymentKey("us-east-1", "gw1"));
    assertEquals(new GatewayNames(own.runtime(), own.runtimeRole(), "gw-1", own.gatewayTarget(), own.gatewayRole(),
        own.oauthProvider(), "my-pool", own.resourceServer(), own.scopeName(), own.appClient(), own.domainPrefix()),
        r.request().names().gateway());
    assertFalse(resolve(Map.of(), List.of(), "--name", "gw1").request().keepCognito());
  }

  @Test
  void theTopologyFromDotEnvBeforeTheEnvironment_elseLeftToTheDeployment() {
    Resolved fromFile = resolve(Map.of("TOPOLOGY", "ecs"), List.of("TOPOLOGY=gateway"), "--name", "x");
    assertEquals(Topology.GATEWAY, fromFile.request().topology());
    Resolved none = resolve(Map.of(), List.of(), "--name", "x", "--keep-cognito");
    assertFalse(none.topologyGiven(), "the command then asks Temporal which the deployment has");
    assertTrue(none.request().keepCognito());
  }

  @Test
  void keepCognitoOnTheEcsTopology_isBadInput() {
    CliException e = assertThrows(CliException.class,
        () -> resolve(Map.of(), List.of(), "--name", "x", "--topology", "ecs", "--keep-cognito"));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertEquals("--keep-cognito keeps the gateway topology's Cognito pool: the ecs topology has none (pass --topology"
        + " gateway, or drop it)", e.getMessage());
  }

  @Test
  void badGatewayNamesAreRefusedAsDeployRefusesThem() {
    CliException e = assertThrows(CliException.class,
        () -> resolve(Map.of(), List.of(), "--name", "x", "--cognito-domain-prefix", "-bad"));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().startsWith("invalid Cognito domain prefix '-bad' (from --cognito-domain-prefix)"), e.getMessage());
  }
}
