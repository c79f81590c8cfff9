package io.harnessdeployer.client.destroye2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway topology through the real command line against a local stack (real workflows,
 * worker and AWS emulator): deploy --topology gateway, status, drift and destroy --yes (which
 * need no --topology: they take the deployment's), the emulator's resources checked after each by
 * this deployment's tag; a deploy of the other topology refused before it starts; and destroy
 * --keep-cognito.
 */
class GatewayCycleTest {
  static final String NAME = "gwcycle";
  static final DeploymentKey KEY = new DeploymentKey("us-east-1", NAME);
  static final String SECRET = "Gw-Secret-5521";

  @TempDir Path dir;

  @Test
  void deployStatusDriftDestroy() throws Exception {
    byte[] seal = new byte[32];
    new SecureRandom().nextBytes(seal);
    Map<String, String> env = Map.of(
        CliContext.STATE_DIR_ENV, dir.resolve("state").toString(),
        SealKeys.ENV_KEY, Base64.getEncoder().encodeToString(seal),
        "ZSCALER_CLIENT_ID", "gw-client", "ZSCALER_CLIENT_SECRET", SECRET,
        "ZSCALER_CUSTOMER_ID", "42", "ZSCALER_VANITY_DOMAIN", "acme");
    ResourceNames n = ResourceNames.forDeployment(KEY);
    GatewayNames g = n.gateway();
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0)
        .worker(SealKeys.load(env, dir)).discovery(new LocalStackFile(dir.resolve("state"))).start()) {
      Cloud cloud = new Cloud(stack.awsEndpoint());
      CliContext ctx = CliRun.live(dir, env);

      CliRun deploy = CliRun.run(ctx, "deploy", "--name", NAME, "--topology", "gateway", "--yes");
      assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.toString());
      assertEquals(tagged(n), cloud.liveTagged(KEY.tagValue()), "what the deploy created, by this deployment's tag");
      assertTrue(cloud.live().contains("bedrock-agentcore-control gateway-target " + g.gatewayTarget()), cloud.live().toString());
      String out = deploy.out();
      assertTrue(out.matches("(?s).*\\n  MCP host +AgentCore Runtime '" + g.runtime() + "' \\(id=" + g.runtime()
          + "-\\w+\\) behind Gateway '" + g.gateway() + "'\\n.*"), out);
      for (String line : List.of("  Gateway URL          https://" + g.gateway() + "-",
          "  Gateway ARN          arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/" + g.gateway() + "-",
          "  Cognito Pool         us-east-1_", "  Cognito Audience     " + g.resourceServer(),
          "  Cognito Token URL    https://" + g.domain("123456789012") + ".auth.us-east-1.amazoncognito.com/oauth2/token",
          "  OAuth2 provider      arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/"
              + g.oauthProvider() + " (Cognito)",
          "  Zscaler secret       " + n.secret())) {
        assertTrue(out.contains(line), line + " in " + out);
      }
      assertNoSecret(deploy);

      // a deploy of the other topology: one line, before any run starts (nothing new in AWS)
      CliRun ecs = CliRun.run(ctx, "deploy", "--name", NAME, "--topology", "ecs", "--yes");
      assertEquals(ExitCodes.FAILED, ecs.exitCode(), ecs.toString());
      assertEquals(List.of("error: deployment us-east-1/" + NAME + " was deployed with topology gateway, not ecs: destroy"
          + " it first (client destroy --name " + NAME + " --region us-east-1 --topology gateway), then deploy"),
          ecs.errorLines());
      assertFalse(ecs.err().contains("started the deploy"), ecs.err());
      assertEquals(tagged(n), cloud.liveTagged(KEY.tagValue()));

      CliRun status = CliRun.run(ctx, "status", "--name", NAME);
      assertEquals(ExitCodes.OK, status.exitCode(), status.toString());
      String s = status.out();
      assertTrue(s.matches("(?s).*\\n  Runtime +READY " + g.runtime() + "-\\w+ \\(" + g.runtime() + "\\)\\n.*"), s);
      assertTrue(s.contains("    image              " + io.harnessdeployer.workflows.common.Names.DEFAULT_IMAGE), s);
      assertTrue(s.contains("    MCP URL            https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3A"), s);
      assertTrue(s.matches("(?s).*\\n  Gateway +READY " + g.gateway() + "-\\w+ \\(" + g.gateway() + "\\)\\n.*"), s);
      assertTrue(s.matches("(?s).*\\n  Gateway target +READY \\w+ \\(" + g.gatewayTarget() + "\\)\\n.*"), s);
      assertTrue(s.contains("Cognito (as deployed):\n  User pool            us-east-1_"), s);
      assertTrue(s.contains("  Domain               " + g.domain("123456789012") + "\n"), s);
      assertEquals(tagged(n), cloud.liveTagged(KEY.tagValue()), "status changed nothing");

      CliRun drift = CliRun.run(ctx, "drift", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, drift.exitCode(), drift.toString());
      assertTrue(drift.err().contains("[INFO] topology gateway: the one us-east-1/" + NAME + " was deployed with"), drift.err());
      assertTrue(drift.out().lines().anyMatch(l -> l.equals("IN_SYNC: 13 resources checked")), drift.out());
      assertEquals(tagged(n), cloud.liveTagged(KEY.tagValue()), "drift changed nothing");

      CliRun destroy = CliRun.run(ctx, "destroy", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, destroy.exitCode(), destroy.toString());
      assertEquals(List.of(), cloud.liveTagged(KEY.tagValue()), "zero of ours after the destroy");
      assertEquals(List.of(), ours(cloud, n), "nor untagged parts by name");

      // again, then destroy --keep-cognito: the pool (and its domain) stay; a plain destroy takes them
      assertEquals(ExitCodes.OK, CliRun.run(ctx, "deploy", "--name", NAME, "--topology", "gateway", "--yes").exitCode());
      CliRun kept = CliRun.run(ctx, "destroy", "--name", NAME, "--yes", "--keep-cognito");
      assertEquals(ExitCodes.OK, kept.exitCode(), kept.toString());
      assertEquals(List.of("cognito-idp user-pool " + g.userPool()), cloud.liveTagged(KEY.tagValue()));
      assertEquals(ExitCodes.OK, CliRun.run(ctx, "destroy", "--name", NAME, "--yes").exitCode());
      assertEquals(List.of(), cloud.liveTagged(KEY.tagValue()));

      // kept roles (tagged topology=gateway) and a last run that is a destroy: the CLI cannot tell,
      // the workflow's preflight refuses the ecs deploy before any write, and the CLI shows it in one line
      assertEquals(ExitCodes.OK, CliRun.run(ctx, "deploy", "--name", NAME, "--topology", "gateway", "--yes").exitCode());
      assertEquals(ExitCodes.OK, CliRun.run(ctx, "destroy", "--name", NAME, "--yes", "--keep-role").exitCode());
      List<String> roles = cloud.liveTagged(KEY.tagValue());
      assertEquals(List.of("iam role " + g.gatewayRole(), "iam role " + n.harnessRole(), "iam role " + g.runtimeRole()), roles);
      CliRun refused = CliRun.run(ctx, "deploy", "--name", NAME, "--topology", "ecs", "--yes");
      assertEquals(ExitCodes.FAILED, refused.exitCode(), refused.toString());
      List<String> ended = refused.err().lines().filter(l -> l.startsWith("Deploy of ")).toList();
      assertEquals(1, ended.size(), refused.err());
      assertTrue(ended.get(0).startsWith("Deploy of us-east-1/" + NAME + " ended FAILED at step preflight: Conflict: deployment us-east-1/"
          + NAME + " was deployed with topology gateway: destroy it first (client destroy --topology gateway)"), ended.get(0));
      assertEquals(roles, cloud.liveTagged(KEY.tagValue()), "refused before any write");
      // the refused run names no topology to go by: --topology, as the refusal says
      assertEquals(ExitCodes.OK, CliRun.run(ctx, "destroy", "--name", NAME, "--yes", "--topology", "gateway").exitCode());
      assertEquals(List.of(), cloud.liveTagged(KEY.tagValue()));
    }
  }

  /** What a gateway deploy leaves tagged for the deployment, as the emulator lists it. */
  private static List<String> tagged(ResourceNames n) {
    GatewayNames g = n.gateway();
    List<String> all = new ArrayList<>(List.of(
        "bedrock-agentcore-control agent-runtime " + g.runtime(),
        "bedrock-agentcore-control gateway " + g.gateway(),
        "bedrock-agentcore-control harness " + n.harness(),
        "bedrock-agentcore-control oauth2-credential-provider " + g.oauthProvider(),
        "cognito-idp user-pool " + g.userPool(),
        "iam role " + g.gatewayRole(),
        "iam role " + n.harnessRole(),
        "iam role " + g.runtimeRole(),
        "secretsmanager secret " + n.secret()));
    all.sort(null);
    return all;
  }

  /** Live resources bearing one of the deployment's names, tagged or not (a target has no tags). */
  private static List<String> ours(Cloud cloud, ResourceNames n) {
    GatewayNames g = n.gateway();
    List<String> names = List.of(n.harness(), n.harnessRole(), n.secret(), g.runtime(), g.runtimeRole(), g.gateway(),
        g.gatewayTarget(), g.gatewayRole(), g.oauthProvider(), g.userPool());
    return cloud.live().stream().filter(r -> names.stream().anyMatch(x -> r.endsWith(" " + x))).toList();
  }

  private static void assertNoSecret(CliRun run) {
    assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), "the Zscaler secret was shown");
  }
}
