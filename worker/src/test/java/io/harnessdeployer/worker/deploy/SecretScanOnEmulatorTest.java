package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.temporal.client.WorkflowFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The credentials, run through the real activities: no plaintext client secret, no Basic header
 * built from it, in the whole workflow history (raw and every payload decoded) or in the
 * emulator's request log, which must show the values it received as masked.
 */
class SecretScanOnEmulatorTest extends EmulatorDeployTest {
  static final String SECRET = EmulatedAws.CLIENT_SECRET;
  static final String SECRET_B64 = b64(SECRET);
  static final String BASIC_B64 = b64(EmulatedAws.CLIENT_ID + ":" + SECRET);

  static Stream<Arguments> deploys() {
    return Stream.of(
        Arguments.of(SecretMode.MANAGED, false),
        Arguments.of(SecretMode.BRING_YOUR_OWN, false),
        Arguments.of(SecretMode.PLAINTEXT, false),
        Arguments.of(SecretMode.MANAGED, true)); // failure messages and compensations too
  }

  @ParameterizedTest(name = "{0}, rolled back: {1}")
  @MethodSource("deploys")
  void historyAndRequestLog_holdNoPlaintextCredential(SecretMode mode, boolean rolledBack) {
    if (mode == SecretMode.BRING_YOUR_OWN) {
      AWS.clients.secrets(EmulatedAws.REGION).createSecret(r -> r.name("team/zscaler").secretString(
          "{\"ZSCALER_CLIENT_ID\":\"" + EmulatedAws.CLIENT_ID + "\",\"ZSCALER_CLIENT_SECRET\":\"" + SECRET + "\"}"));
    }
    DeployRequest.Builder b = request().secretMode(mode).byoSecretId("team/zscaler");
    if (rolledBack) {
      FAULTS.arm(StepFaultTable.firstCallOf("harness-ready"));
      b.onFailure(OnFailure.ROLLBACK);
    }
    DeployRequest req = b.build();
    if (rolledBack) {
      assertThrows(WorkflowFailedException.class, () -> deploy(req));
    } else {
      deploy(req);
    }

    String history = client.fetchHistory(req.key().workflowId()).toJson(true);
    String payloads = decodedPayloads(history);
    assertTrue(payloads.contains(req.credentials().ciphertext()), "the scan reads the real payloads");
    assertTrue(payloads.contains("credential-provider: ensure API-key provider"), "activity summaries included");
    assertEquals(rolledBack, payloads.contains("undo credential-provider"), "compensations included");
    assertClean("history JSON", history);
    assertClean("decoded payloads", payloads);

    String log = CONTROL.requestLogJson();
    assertClean("emulator request log", log);
    assertEquals("****", parameters("bedrock-agentcore-control", "CreateApiKeyCredentialProvider").get("apiKey"),
        "the key reached AWS, masked in the log");
    if (mode != SecretMode.PLAINTEXT) { // the managed secret, or the test's own bring-your-own one
      assertEquals("****", parameters("secretsmanager", "CreateSecret").get("SecretString"));
    } else { // the credentials went into the container env
      assertEquals("****", ((Map<?, ?>) parameters("ecs", "CreateExpressGatewayService").get("primaryContainer"))
          .get("environment"));
    }
  }

  private static Map<?, ?> parameters(String service, String operation) {
    List<Map<String, Object>> calls = CONTROL.requests(service, operation);
    assertEquals(1, calls.size(), service + "." + operation);
    return (Map<?, ?>) calls.get(0).get("parameters");
  }

  private static void assertClean(String where, String text) {
    assertFalse(text.contains(SECRET), where + ": plaintext client secret");
    assertFalse(text.contains(SECRET_B64), where + ": base64 of the client secret");
    assertFalse(text.contains(BASIC_B64), where + ": base64 of clientId:clientSecret");
    assertFalse(text.contains("Basic "), where + ": a Basic header");
  }

  /** History JSON carries payload data base64-encoded: decode every {@code data} field. */
  private static String decodedPayloads(String historyJson) {
    StringBuilder text = new StringBuilder();
    Matcher m = Pattern.compile("\"data\": \"([^\"]+)\"").matcher(historyJson);
    int n = 0;
    while (m.find()) {
      byte[] bytes = Base64.getDecoder().decode(m.group(1).replace("\\u003d", "="));
      text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
      n++;
    }
    assertTrue(n > 50, "found the payloads: " + n);
    return text.toString();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
