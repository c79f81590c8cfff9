package io.harnessdeployer.client.deploy;

import io.harnessdeployer.workflows.common.DeploymentKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.ScriptedPrompter;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.DotEnv;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeployInputsResolverTest {
  static final String SECRET = "Zs-secret-Value-42";
  static final SealKey KEY = SealKey.of(filled(7), "test");

  static final List<String> FULL_ENV = List.of(
      "ZSCALER_CLIENT_ID=client-1",
      "ZSCALER_CLIENT_SECRET=" + SECRET,
      "ZSCALER_CUSTOMER_ID=cust-9",
      "ZSCALER_VANITY_DOMAIN=acme",
      "ZSCALER_MCP_WRITE_ENABLED=true");

  static byte[] filled(int b) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) b);
    return bytes;
  }

  record Resolved(DeployInputs inputs, List<String> notes) {
    DeployRequest request() {
      return inputs.request();
    }
  }

  static Resolved resolve(Map<String, String> env, List<String> dotEnv, Prompter prompter, boolean yes, String... args) {
    DeployFlags flags = new DeployFlags();
    AwsOptions aws = new AwsOptions();
    String[] name = new String[1];
    CommandLine cl = new CommandLine(new Object() {
      @CommandLine.Mixin DeployFlags f = flags;
      @CommandLine.Mixin AwsOptions a = aws;
      @CommandLine.Option(names = "--name") void name(String n) { name[0] = n; }
    });
    cl.setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    ConfigResolver config = new ConfigResolver(env, DotEnv.parse(".env", dotEnv), prompter);
    List<String> notes = new java.util.ArrayList<>();
    return new Resolved(new DeployInputsResolver(config, () -> KEY, yes, notes::add).resolve(flags, aws, name[0]), notes);
  }

  static Resolved resolve(List<String> dotEnv, String... args) {
    return resolve(Map.of(), dotEnv, Prompter.NONE, false, args);
  }

  @Test
  void aNamedDeploymentGetsItsOwnNames_theNameFlagsStillOverride_andTheDefaultDeploymentKeepsTheSpecs() {
    DeployRequest named = resolve(FULL_ENV, "--name", "u6", "--region", "eu-central-1").request();
    assertEquals(ResourceNames.forDeployment(new DeploymentKey("eu-central-1", "u6")), named.names());
    assertEquals("zscaler-mcp-u6-eu-central-1-harness-role", named.names().harnessRole());

    DeployRequest flagged = resolve(FULL_ENV, "--name", "u6", "--ecs-cluster-name", "team", "--harness-name", "h1").request();
    assertEquals(ResourceNames.forDeployment(new DeploymentKey("us-east-1", "u6")).withCluster("team").withHarness("h1"),
        flagged.names());
    assertEquals("u6", flagged.deploymentName());

    assertEquals(ResourceNames.defaults(), resolve(FULL_ENV).request().names());
    assertEquals(ResourceNames.defaults(), resolve(FULL_ENV, "--name", Names.HARNESS_NAME).request().names());
    DeployRequest byHarness = resolve(FULL_ENV, "--harness-name", "solo").request();
    assertEquals("solo", byHarness.deploymentName(), "without --name the harness names the deployment");
    assertEquals(ResourceNames.defaults().withHarness("solo"), byHarness.names());
  }

  @Test
  void defaultsWithoutATerminalFollowTheSpec() {
    DeployRequest r = resolve(FULL_ENV).request();

    assertEquals(Names.HARNESS_NAME, r.deploymentName());
    assertEquals("us-east-1", r.region());
    assertEquals(Topology.ECS, r.topology());
    assertEquals(ResourceNames.defaults(), r.names());
    assertEquals(Names.DEFAULT_IMAGE, r.imageUri());
    assertNull(r.externalMcpUrl());
    assertEquals(Names.DEFAULT_MODEL_ID, r.modelId());
    assertEquals(SecretMode.MANAGED, r.secretMode());
    assertEquals(OnFailure.PAUSE, r.onFailure());
    assertEquals(Names.SERVICE_ACTIVE_TIMEOUT, r.serviceTimeout());
    assertEquals(Map.of("ZSCALER_MCP_WRITE_ENABLED", "true"), r.containerEnv());
  }

  @Test
  void aValidRegionWithoutTheHarnessIsWarnedAboutNotRefused() {
    Resolved tokyo = resolve(FULL_ENV, "--region", "ap-northeast-1");
    assertEquals("ap-northeast-1", tokyo.request().region());
    assertTrue(tokyo.notes().stream().anyMatch(n -> n.startsWith("[WARN] region ap-northeast-1: the AgentCore harness"
        + " is not known to be offered there")), tokyo.notes().toString());
    assertFalse(resolve(FULL_ENV, "--region", "eu-central-1").notes().stream().anyMatch(n -> n.contains("[WARN] region")));
  }

  @Test
  void credentialsAreSealedAndNowhereElseInTheRequest() {
    Resolved inputs = resolve(FULL_ENV);
    DeployRequest r = inputs.request();

    assertEquals(new ZscalerCredentials("client-1", SECRET, "cust-9", "acme", null),
        ZscalerCredentials.unseal(KEY, r.credentials()));
    assertEquals(KEY.keyId(), inputs.inputs().sealKeyId());
    assertFalse(r.toString().contains(SECRET), "request must not carry the secret in plaintext");
    assertFalse(String.join("\n", inputs.notes()).contains(SECRET));
    assertTrue(String.join("\n", inputs.notes()).contains("ZSCALER_CLIENT_SECRET from .env:2"), inputs.notes().toString());
  }

  @Test
  void credentialFlagsWinOverEnvAndDotEnv() {
    Map<String, String> env = Map.of("ZSCALER_CLIENT_ID", "from-env", "ZSCALER_CUSTOMER_ID", "env-cust");
    Resolved inputs = resolve(env, FULL_ENV, Prompter.NONE, false, "--client-id", "from-flag", "--client-secret", "flag-secret");

    ZscalerCredentials c = ZscalerCredentials.unseal(KEY, inputs.request().credentials());
    assertEquals("from-flag", c.clientId());
    assertEquals("flag-secret", c.clientSecret());
    assertEquals("env-cust", c.customerId());
    assertEquals("acme", c.vanityDomain());
    assertTrue(inputs.notes().stream().anyMatch(n -> n.contains("--client-secret is visible in process listings")));
  }

  @Test
  void honoursTheNameKeysTheSeedIgnored() {
    List<String> dotEnv = new java.util.ArrayList<>(FULL_ENV);
    dotEnv.addAll(List.of("HARNESS_NAME=prod_harness", "ROLE_NAME=r1", "CREDENTIAL_PROVIDER_NAME=p1",
        "ECS_CLUSTER_NAME=c1", "ECS_SERVICE_NAME=s1", "ECS_EXECUTION_ROLE_NAME=e1",
        "ECS_INFRASTRUCTURE_ROLE_NAME=i1", "ECS_LOG_GROUP=/ecs/l1", "AWS_PROFILE=prof", "AWS_REGION=eu-central-1"));
    Resolved inputs = resolve(dotEnv);

    assertEquals(new ResourceNames("prod_harness", "r1", "p1", "c1", "s1", "e1", "i1", "/ecs/l1", Names.SECRET_NAME),
        inputs.request().names());
    assertEquals("prod_harness", inputs.request().deploymentName());
    assertEquals("eu-central-1", inputs.request().region());
    assertEquals("prof", inputs.inputs().profile());
  }

  @Test
  void deploymentNameFlagAndOptions() {
    DeployRequest r = resolve(FULL_ENV, "--name", "blue", "--on-failure", "rollback", "--timeout", "45m",
        "--secret-name", "team/zs").request();
    assertEquals("blue", r.deploymentName());
    assertEquals(OnFailure.ROLLBACK, r.onFailure());
    assertEquals(Duration.ofMinutes(45), r.serviceTimeout());
    assertEquals("team/zs", r.names().secret());
  }

  @Test
  void invalidHarnessNameNamesItsSourceAndAnExample() {
    List<String> dotEnv = new java.util.ArrayList<>(FULL_ENV);
    dotEnv.add("HARNESS_NAME=zscaler-mcp-harness"); // the seed's own sample, invalid (Appendix B #3)
    CliException e = assertThrows(CliException.class, () -> resolve(dotEnv));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertEquals("invalid harness name 'zscaler-mcp-harness' (from .env:6 HARNESS_NAME): use letters, digits and '_',"
        + " start with a letter, at most 40 characters, e.g. zscaler_mcp_harness", e.getMessage());
    assertThrows(CliException.class, () -> resolve(FULL_ENV, "--harness-name", "a".repeat(41)));
    assertEquals("a".repeat(40), resolve(FULL_ENV, "--harness-name", "a".repeat(40)).request().names().harness());
  }

  @Test
  void topologyChecks() {
    CliException unknown = assertThrows(CliException.class, () -> resolve(FULL_ENV, "--topology", "lambda"));
    assertEquals("unknown topology 'lambda' (from --topology): use ecs or gateway", unknown.getMessage());
    assertEquals(Topology.GATEWAY, resolve(Map.of("TOPOLOGY", "gateway"), FULL_ENV, Prompter.NONE, false).request().topology());
    assertEquals(Topology.ECS, resolve(FULL_ENV, "--topology", "ECS").request().topology());
  }

  @Test
  void externalMcpUrlIsNormalisedHttpsOnlyAndNeedsOnlyTheClientCredentials() {
    Resolved inputs = resolve(Map.of(), List.of("ZSCALER_CLIENT_ID=a", "ZSCALER_CLIENT_SECRET=b"), Prompter.NONE, false,
        "--mcp-url", " https://mcp.example.com/ ");
    assertEquals("https://mcp.example.com/mcp", inputs.request().externalMcpUrl());
    assertFalse(inputs.request().ecsHost());

    assertEquals("https://x.example/mcp", resolve(FULL_ENV, "--mcp-url", "https://x.example/mcp///").request().externalMcpUrl());
    CliException http = assertThrows(CliException.class, () -> resolve(FULL_ENV, "--mcp-url", "http://x.example"));
    assertEquals("MCP URL must use https:// (from --mcp-url): 'http://x.example'", http.getMessage());
  }

  @Test
  void sigV4RuntimeUrlIsWarnedNotRefused() {
    Resolved inputs = resolve(FULL_ENV, "--mcp-url",
        "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws/invocations");
    assertTrue(inputs.notes().stream().anyMatch(n -> n.startsWith("[WARN]") && n.contains("SigV4")), inputs.notes().toString());
  }

  @Test
  void missingCredentialsWithoutTerminalNameFlagEnvAndDotEnv() {
    CliException e = assertThrows(CliException.class, () -> resolve(List.of("ZSCALER_CLIENT_ID=a")));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertEquals("missing Zscaler credentials ZSCALER_CLIENT_SECRET, ZSCALER_CUSTOMER_ID, ZSCALER_VANITY_DOMAIN:"
        + " pass --client-secret / --customer-id / --vanity-domain, or set them in the environment or in .env"
        + " (no terminal to ask on)", e.getMessage());
  }

  @Test
  void terminalAsksForMissingCredentialsWithTheSecretHidden() {
    ScriptedPrompter prompter = new ScriptedPrompter("typed-id", "typed-secret", "typed-cust", "typed-vanity");
    Resolved inputs = resolve(Map.of(), List.of(), prompter, true);

    ZscalerCredentials c = ZscalerCredentials.unseal(KEY, inputs.request().credentials());
    assertEquals(new ZscalerCredentials("typed-id", "typed-secret", "typed-cust", "typed-vanity", null), c);
    assertEquals(List.of("ZSCALER_CLIENT_SECRET (hidden): "), prompter.askedSecretly);
    assertEquals(3, prompter.asked.size(), "--yes skips the choices, not the required credentials");
    assertTrue(prompter.exhausted());
  }

  @Test
  void terminalChoicesFollowTheSeedOrderAndDefaults() {
    // topology (P2, default ecs), MCP source (default = ECS), secrets manager? n, model 3
    ScriptedPrompter prompter = new ScriptedPrompter("", "", "n", "3");
    DeployRequest r = resolve(Map.of(), FULL_ENV, prompter, false).request();

    assertEquals(Topology.ECS, r.topology());
    assertNull(r.externalMcpUrl());
    assertEquals(SecretMode.PLAINTEXT, r.secretMode());
    assertEquals(Names.MODEL_CATALOGUE.get(2), r.modelId());
    assertEquals(4, prompter.asked.size(), prompter.asked.toString());
    assertTrue(prompter.asked.get(0).startsWith("Topology:"));
    assertTrue(prompter.asked.get(1).startsWith("How should Harness reach the MCP server?"));
    assertTrue(prompter.asked.get(2).startsWith("Use AWS Secrets Manager"));
    assertTrue(prompter.asked.get(3).startsWith("Model:"));
  }

  @Test
  void choosingAnExternalUrlAtThePromptAsksForIt() {
    ScriptedPrompter prompter = new ScriptedPrompter("1", "9", "2", "https://typed.example", "");
    DeployRequest r = resolve(Map.of(), FULL_ENV, prompter, false).request();
    assertEquals("https://typed.example/mcp", r.externalMcpUrl());
    assertTrue(prompter.asked.get(2).startsWith("Please enter a number from 1 to 2"), prompter.asked.toString());
    assertTrue(prompter.exhausted(), "no secret-mode question for an external server");
  }

  @Test
  void secretModes() {
    assertEquals(SecretMode.PLAINTEXT, resolve(FULL_ENV, "--no-secrets-manager").request().secretMode());

    Map<String, String> env = new HashMap<>();
    env.put("ZSCALER_SECRET_NAME", "arn:aws:secretsmanager:us-east-1:111122223333:secret:mine-AbC123");
    DeployRequest byo = resolve(env, FULL_ENV, Prompter.NONE, false).request();
    assertEquals(SecretMode.BRING_YOUR_OWN, byo.secretMode());
    assertEquals("arn:aws:secretsmanager:us-east-1:111122223333:secret:mine-AbC123", byo.byoSecretId());
  }

  @Test
  void imageOverrideFromDotEnvIsWarnedAboutArchitecture() {
    List<String> dotEnv = new java.util.ArrayList<>(FULL_ENV);
    dotEnv.add("ZSCALER_MCP_IMAGE_URI=111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1");
    Resolved inputs = resolve(dotEnv);
    assertEquals("111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1", inputs.request().imageUri());
    assertTrue(inputs.notes().stream().anyMatch(n -> n.contains("linux/amd64")));
    assertFalse(inputs.request().containerEnv().containsKey("ZSCALER_MCP_IMAGE_URI"));
  }

  @Test
  void otherNamesAreCheckedBeforeAnythingStarts() {
    assertThrows(CliException.class, () -> resolve(FULL_ENV, "--role-name", "has space"));
    assertThrows(CliException.class, () -> resolve(FULL_ENV, "--ecs-cluster-name", "bad/name"));
    assertThrows(CliException.class, () -> resolve(FULL_ENV, "--region", "moon-1"));
    assertThrows(CliException.class, () -> resolve(FULL_ENV, "--name", "-bad"));
    assertThrows(CliException.class, () -> resolve(FULL_ENV, "--ecs-log-group", "bad group"));
  }
}
