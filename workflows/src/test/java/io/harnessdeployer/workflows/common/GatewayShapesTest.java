package io.harnessdeployer.workflows.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.steps.GatewayTool;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.JwtAuthorizer;
import io.harnessdeployer.workflows.steps.RuntimeSpec;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway topology's pure rules: the Runtime URL and env (§3 step 8), its roles (§5.4–5.5), the §4.3 tool. */
class GatewayShapesTest {
  static final Scope SCOPE = new Scope(new DeploymentKey("us-east-1", "dev"), "run");
  static final String RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/zscaler_mcp_runtime-AbC";

  @Test
  void theRuntimeUrl_encodesTheWholeArn_withTheRegionOfItsFourthField() {
    assertEquals("https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1"
        + "%3A123456789012%3Aruntime%2Fzscaler_mcp_runtime-AbC/invocations?qualifier=DEFAULT",
        Names.runtimeMcpUrl(RUNTIME_ARN));
    assertEquals("", Names.runtimeMcpUrl("not-an-arn"));
    assertEquals("", Names.runtimeMcpUrl(null));
  }

  @Test
  void theRuntimeEnv_neverHoldsACredentialKey_andNamesTheSecretInSecretsManagerModes() {
    Map<String, String> dotEnv = new LinkedHashMap<>();
    Names.CREDENTIAL_KEYS.forEach(k -> dotEnv.put(k, "value-of-" + k));
    dotEnv.put(Names.KEY_SECRET_NAME, "from-dotenv");
    dotEnv.put("ZSCALER_MCP_PORT", "9000");
    dotEnv.put("ZSCALER_MCP_IMAGE_URI", "deploy-only");
    Map<String, String> managed = ContainerEnv.forRuntime(dotEnv, "zscaler-mcp-harness/credentials");
    assertEquals(Map.of("ZSCALER_MCP_PORT", "9000", "ZSCALER_MCP_TRANSPORT", "streamable-http",
        "ZSCALER_MCP_HOST", "0.0.0.0", "ZSCALER_MCP_ALLOW_HTTP", "true", Names.ENV_DISABLE_HOST_VALIDATION, "true",
        Names.KEY_SECRET_NAME, "zscaler-mcp-harness/credentials"), managed);
    Map<String, String> plaintext = ContainerEnv.forRuntime(dotEnv, null);
    assertFalse(plaintext.containsKey(Names.KEY_SECRET_NAME));
    Names.CREDENTIAL_KEYS.forEach(k -> assertFalse(plaintext.containsKey(k), k));
  }

  @Test
  void theRuntimeRole_readsOnlyTheExactSecret_andTheGatewayRole_invokesOnlyThisRuntime() {
    String secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:zscaler-mcp-harness/credentials-AbC123";
    String withSecret = Policies.runtimeInline("us-east-1", "123456789012", secret);
    assertTrue(withSecret.contains("\"Sid\":\"SecretsManagerGet\"") && withSecret.contains("\"Resource\":\"" + secret + "\""),
        withSecret);
    assertFalse(withSecret.contains(secret + "-*"), "the exact ARN only (spec §5.4)");
    assertTrue(withSecret.contains("KmsDecryptForSecrets") && withSecret.contains("secretsmanager.us-east-1.amazonaws.com"));
    String plain = Policies.runtimeInline("us-east-1", "123456789012", null);
    assertFalse(plain.contains("SecretsManagerGet") || plain.contains("kms:Decrypt"), plain);
    assertTrue(plain.contains("arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/*"));
    assertEquals(Map.of("Version", "2012-10-17", "Statement", List.of(
        Map.of("Sid", "InvokeRuntimeTarget", "Effect", "Allow", "Action", List.of("bedrock-agentcore:InvokeAgentRuntime"),
            "Resource", List.of(RUNTIME_ARN, RUNTIME_ARN + "/*", RUNTIME_ARN + ":*")),
        Map.of("Sid", "Logging", "Effect", "Allow",
            "Action", List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"), "Resource", "*"))),
        Policies.tree(Policies.gatewayInline(RUNTIME_ARN)));
  }

  @Test
  void theHarnessGatewayTool_isComparedAsTheSpecBuildsIt() {
    HarnessSpec spec = HarnessSpec.withGateway(SCOPE, "h", "arn:role", "m",
        new GatewayTool("arn:gateway", "arn:oauth", List.of()), "token");
    assertEquals(Map.of("gatewayArn", "arn:gateway", "providerArn", "arn:oauth", "scopes", List.of(),
        "grantType", "CLIENT_CREDENTIALS"), HarnessShape.of(spec).get("tool"));
    assertFalse(new HarnessSpec(SCOPE, "h", "arn:role", "m", "https://x/mcp", "arn:p", "t").gatewayTool());
  }

  @Test
  void theRuntimeShape_sealsCredentialValues_andSortsWhatOrderDoesNotMatter() {
    JwtAuthorizer auth = new JwtAuthorizer("https://d", List.of("b", "a"), List.of("s"));
    RuntimeSpec spec = new RuntimeSpec(SCOPE, "r", "arn:role", "img", Map.of("K", "v"), null, auth);
    Map<String, Object> shape = GatewayShapes.runtime(spec, GatewayShapes.requiredCredentialKeys(true));
    assertEquals(Map.of("K", "v", Names.KEY_CLIENT_ID, ContainerEnv.SEALED, Names.KEY_CLIENT_SECRET, ContainerEnv.SEALED),
        shape.get("environment"));
    assertEquals(Map.of("discoveryUrl", "https://d", "allowedClients", List.of("a", "b"), "allowedScopes", List.of("s")),
        shape.get("authorizer"));
    assertEquals(List.of("Authorization"), shape.get("requestHeaders"));
  }
}
