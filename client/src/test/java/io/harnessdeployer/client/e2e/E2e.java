package io.harnessdeployer.client.e2e;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What the end-to-end tests share: credentials, a seal key, and what one ecs deploy leaves behind. */
public final class E2e {
  static final String CLIENT_SECRET = "E2e-Zscaler-Secret-4f1c";
  static final String BASIC = Base64.getEncoder().encodeToString(("e2e-client:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
  static final String SEAL_KEY = randomKey();

  /** The emulator after one successful ecs deploy with default names: these, and nothing else. */
  static final List<String> RESOURCES = List.of(
      "bedrock-agentcore-control apikey-credential-provider zscaler-mcp-creds",
      "bedrock-agentcore-control harness zscaler_mcp_harness",
      "ecs cluster zscaler-mcp",
      "ecs express-service zscaler-mcp-server",
      // ECS Express registers a revision per configuration: the create, then the allowed-hosts update
      "ecs task-definition zscaler-mcp-zscaler-mcp-server:1",
      "ecs task-definition zscaler-mcp-zscaler-mcp-server:2",
      "iam role zscaler-mcp-ecs-infrastructure-role",
      "iam role zscaler-mcp-ecs-task-execution-role",
      "iam role zscaler-mcp-harness-execution-role",
      "logs log-group /ecs/zscaler-mcp",
      "secretsmanager secret zscaler-mcp-harness/credentials");

  /** Each resource created by exactly one call. */
  static final Map<String, Integer> CREATES = Map.of(
      "CreateApiKeyCredentialProvider", 1,
      "CreateCluster", 1,
      "CreateExpressGatewayService", 1,
      "CreateHarness", 1,
      "CreateLogGroup", 1,
      "CreateRole zscaler-mcp-ecs-infrastructure-role", 1,
      "CreateRole zscaler-mcp-ecs-task-execution-role", 1,
      "CreateRole zscaler-mcp-harness-execution-role", 1,
      "CreateSecret", 1);

  private E2e() {}

  /** The environment of a CLI or worker child: Zscaler and AWS credentials, the seal key, the state dir. */
  public static Map<String, String> env(Path dir, String temporalAddress, String awsEndpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TEMPORAL_ADDRESS", temporalAddress);
    env.put("AWS_ENDPOINT_URL", awsEndpoint);
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put(SealKeys.ENV_KEY, SEAL_KEY);
    env.put(CliContext.STATE_DIR_ENV, dir.resolve("state").toString());
    env.put("ZSCALER_CLIENT_ID", "e2e-client");
    env.put("ZSCALER_CLIENT_SECRET", CLIENT_SECRET);
    env.put("ZSCALER_CUSTOMER_ID", "8675309");
    env.put("ZSCALER_VANITY_DOMAIN", "acme");
    return env;
  }

  public static SealKey sealKey() {
    return SealKeys.load(Map.of(SealKeys.ENV_KEY, SEAL_KEY), Path.of("unused"));
  }

  /** Checks {@code condition} every 100 ms until it holds; false once {@code timeout} has passed. */
  public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
