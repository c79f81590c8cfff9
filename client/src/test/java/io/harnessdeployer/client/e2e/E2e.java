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
  /** What one ecs deploy of {@code deployment} in us-east-1 leaves live, sorted as the emulator lists it. */
  static List<String> resources(String deployment) {
    io.harnessdeployer.workflows.deploy.ResourceNames n = names(deployment);
    List<String> out = new java.util.ArrayList<>(List.of(
        "bedrock-agentcore-control apikey-credential-provider " + n.apiKeyProvider(),
        "bedrock-agentcore-control harness " + n.harness(),
        "ecs cluster " + n.cluster(),
        "ecs express-service " + n.service(),
        // ECS Express registers a revision per configuration: the create, then the allowed-hosts update
        "ecs task-definition " + n.cluster() + "-" + n.service() + ":1",
        "ecs task-definition " + n.cluster() + "-" + n.service() + ":2",
        "iam role " + n.infrastructureRole(),
        "iam role " + n.taskExecutionRole(),
        "iam role " + n.harnessRole(),
        "logs log-group " + n.logGroup(),
        "secretsmanager secret " + n.secret()));
    out.sort(null);
    return out;
  }

  /** Each resource of the deployment created by exactly one call. */
  static Map<String, Integer> creates(String deployment) {
    io.harnessdeployer.workflows.deploy.ResourceNames n = names(deployment);
    return Map.of(
        "CreateApiKeyCredentialProvider", 1,
        "CreateCluster", 1,
        "CreateExpressGatewayService", 1,
        "CreateHarness", 1,
        "CreateLogGroup", 1,
        "CreateRole " + n.infrastructureRole(), 1,
        "CreateRole " + n.taskExecutionRole(), 1,
        "CreateRole " + n.harnessRole(), 1,
        "CreateSecret", 1);
  }

  /** The names a deployment of that name gets in us-east-1 ({@code ResourceNames.forDeployment}). */
  static io.harnessdeployer.workflows.deploy.ResourceNames names(String deployment) {
    return io.harnessdeployer.workflows.deploy.ResourceNames.forDeployment(
        new io.harnessdeployer.workflows.common.DeploymentKey("us-east-1", deployment));
  }

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
