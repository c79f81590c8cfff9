package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;

/**
 * A redeploy after the Zscaler credentials were rotated, real activities against the emulator: the
 * new credentials reach the secret, the service's tasks and the Token Vault provider, the summary
 * says so, and neither the old nor the new secret is anywhere in the histories or the request log.
 */
class CredentialRotationOnEmulatorTest extends EmulatorDeployTest {
  static final ResourceNames N = ResourceNames.defaults();
  static final String OLD_SECRET = EmulatedAws.CLIENT_SECRET;
  static final String NEW_SECRET = "zs-secret-e2e-rotated-T7k2Wq9z";

  @Test
  void redeployWithRotatedCredentials_reachesSecretServiceAndProvider_historyHoldsNeither() throws Exception {
    DeployRequest first = request().build();
    DeploySummary before = deploy(first);
    String history1 = client.fetchHistory(first.key().workflowId()).toJson(true);
    String versionBefore = currentVersion();
    ECSExpressGatewayService serviceBefore = service(before.serviceArn());
    assertEquals(sha256(basic(OLD_SECRET)), AWS.storedApiKeySha256(N.apiKeyProvider()).orElseThrow());

    // what request() builds, with the client secret rotated
    DeployRequest rotated = DeployRequest.builder(DEPLOYMENT, EmulatedAws.REGION, AWS.sealedCredentials(NEW_SECRET))
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false")).build();
    DeploySummary after = deploy(rotated);
    String history2 = client.fetchHistory(rotated.key().workflowId()).toJson(true);

    // the secret: a new AWSCURRENT version holding the new credentials
    assertNotEquals(versionBefore, currentVersion());
    String value = AWS.clients.secrets(EmulatedAws.REGION).getSecretValue(r -> r.secretId(N.secret())).secretString();
    assertTrue(value.contains("\"" + NEW_SECRET + "\"") && !value.contains(OLD_SECRET), "the secret holds the new value");
    assertEquals(1, CONTROL.requests("secretsmanager", "PutSecretValue").size());

    // the service: a new deployment, started after the new version, rolled out and serving
    ECSExpressGatewayService serviceAfter = service(after.serviceArn());
    assertNotEquals(serviceBefore.currentDeployment(), serviceAfter.currentDeployment(), "a new deployment");
    ExpressGatewayServiceConfiguration serving = serving(serviceAfter);
    assertEquals(serviceAfter.currentDeployment(), serving.serviceRevisionArn(), "the rollout finished and serves");
    assertEquals(serving(serviceBefore).primaryContainer(), serving.primaryContainer(), "the same configuration");
    assertTrue(serving.primaryContainer().secrets().stream()
        .allMatch(s -> s.valueFrom().startsWith(before.secretArn() + ":") && s.valueFrom().endsWith("::")),
        "no version pinned: new tasks read AWSCURRENT, the new version");
    long put = seq(CONTROL.requests("secretsmanager", "PutSecretValue").get(0));
    List<Map<String, Object>> updates = CONTROL.requests("ecs", "UpdateExpressGatewayService");
    long update = seq(updates.get(updates.size() - 1));
    assertTrue(put < update, "the service was rolled after the secret's new version was put");
    assertTrue(CONTROL.requests("ecs", "DescribeExpressGatewayService").stream().anyMatch(r -> seq(r) > update),
        "the rollout was waited for");
    String host = serving.ingressPaths().get(0).endpoint();
    assertEquals(200, CONTROL.getHosted(host, Names.HEALTH_CHECK_PATH), "the new tasks are healthy");

    // the provider: the Basic header of the new credentials
    assertEquals(sha256(basic(NEW_SECRET)), AWS.storedApiKeySha256(N.apiKeyProvider()).orElseThrow());

    // the summary
    Map<String, Boolean> rotatedSteps = new HashMap<>();
    Map<String, Outcome> outcomes = new HashMap<>();
    for (ResourceOutcome r : after.resources()) {
      rotatedSteps.put(r.step(), r.rotated());
      outcomes.put(r.step(), r.outcome());
    }
    assertEquals(Map.of("secret", true, "service", true, "credential-provider", true, "task-execution-role", false,
        "infrastructure-role", false, "cluster", false, "log-group", false, "harness-role", false, "harness", false),
        rotatedSteps);
    assertEquals(Outcome.UPDATED, outcomes.get("secret"));
    assertEquals(Outcome.UPDATED, outcomes.get("service"));
    assertTrue(before.resources().stream().noneMatch(ResourceOutcome::rotated), "a first deploy rotates nothing");

    // no credential, old or new, in either history or the request log
    for (String history : List.of(history1, history2)) {
      String payloads = decodedPayloads(history);
      assertClean(history);
      assertClean(payloads);
    }
    assertTrue(decodedPayloads(history2).contains(rotated.credentials().ciphertext()), "the scan reads the payloads");
    assertTrue(decodedPayloads(history2).contains("credential-rotation"), "the version marker is recorded");
    assertClean(CONTROL.requestLogJson());
  }

  @Test
  void redeployWithTheSameCredentials_putsNoVersion_rollsNothing() {
    deploy(request().build());
    int updates = CONTROL.requests("ecs", "UpdateExpressGatewayService").size();

    DeploySummary again = deploy(request().build()); // sealed anew: another ciphertext, the same values

    assertEquals(0, CONTROL.requests("secretsmanager", "PutSecretValue").size());
    assertEquals(updates, CONTROL.requests("ecs", "UpdateExpressGatewayService").size());
    assertTrue(again.resources().stream().noneMatch(ResourceOutcome::rotated), again.resources()::toString);
    assertFalse(decodedPayloads(client.fetchHistory(request().build().key().workflowId()).toJson(true))
        .contains("credential-rotation"), "no version marker without a rotation");
  }

  @Test
  void plaintextMode_rotationRollsTheServiceEnv_andIsReportedForServiceAndProvider() throws Exception {
    deploy(request().secretMode(SecretMode.PLAINTEXT).build());

    DeploySummary after = deploy(DeployRequest.builder(DEPLOYMENT, EmulatedAws.REGION, AWS.sealedCredentials(NEW_SECRET))
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false")).secretMode(SecretMode.PLAINTEXT).build());

    Map<String, Boolean> rotatedSteps = new HashMap<>();
    after.resources().forEach(r -> rotatedSteps.put(r.step(), r.rotated()));
    assertEquals(Boolean.TRUE, rotatedSteps.get("service"), rotatedSteps::toString);
    assertEquals(Boolean.TRUE, rotatedSteps.get("credential-provider"), rotatedSteps::toString);
    assertFalse(rotatedSteps.containsKey("secret"), "no secret in plaintext mode");
    assertTrue(serving(service(after.serviceArn())).primaryContainer().environment().stream()
        .anyMatch(kv -> kv.name().equals(Names.KEY_CLIENT_SECRET) && kv.value().equals(NEW_SECRET)));
    assertEquals(sha256(basic(NEW_SECRET)), AWS.storedApiKeySha256(N.apiKeyProvider()).orElseThrow());
  }

  private static void assertClean(String text) {
    for (String secret : List.of(OLD_SECRET, NEW_SECRET)) {
      assertFalse(text.contains(secret), "a plaintext client secret");
      assertFalse(text.contains(b64(secret)), "base64 of a client secret");
      assertFalse(text.contains(basic(secret).substring(Names.BASIC_PREFIX.length())), "a Basic header's value");
    }
    assertFalse(text.contains("Basic "), "a Basic header");
  }

  private static String currentVersion() {
    return AWS.clients.secrets(EmulatedAws.REGION).describeSecret(r -> r.secretId(N.secret())).versionIdsToStages()
        .entrySet().stream().filter(e -> e.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey)
        .findFirst().orElseThrow();
  }

  private static ECSExpressGatewayService service(String arn) {
    return AWS.clients.ecs(EmulatedAws.REGION).describeExpressGatewayService(r -> r.serviceArn(arn)).service();
  }

  /** The configuration that serves: the last active one. */
  private static ExpressGatewayServiceConfiguration serving(ECSExpressGatewayService service) {
    return service.activeConfigurations().get(service.activeConfigurations().size() - 1);
  }

  private static long seq(Map<String, Object> request) {
    return ((Number) request.get("seq")).longValue();
  }

  private static String basic(String clientSecret) {
    return Names.BASIC_PREFIX + b64(EmulatedAws.CLIENT_ID + ":" + clientSecret);
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** History JSON carries payload data base64-encoded: decode every {@code data} field. */
  private static String decodedPayloads(String historyJson) {
    StringBuilder text = new StringBuilder();
    Matcher m = Pattern.compile("\"data\": \"([^\"]+)\"").matcher(historyJson);
    while (m.find()) {
      text.append(new String(Base64.getDecoder().decode(m.group(1).replace("\\u003d", "=")), StandardCharsets.UTF_8))
          .append('\n');
    }
    return text.toString();
  }
}
