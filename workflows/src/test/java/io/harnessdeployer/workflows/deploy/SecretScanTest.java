package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No plaintext credential, and no Basic header built from one, ever enters workflow history. */
class SecretScanTest {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();

  private final FakeAws aws = new FakeAws();
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  @ParameterizedTest
  @EnumSource(SecretMode.class)
  void wholeHistoryAndEveryActivityPayload_holdNoPlaintextCredential(SecretMode mode) {
    DeployRequest req = request().secretMode(mode).byoSecretId("team/zscaler").build();
    stub(client, options, req).deploy(req);

    String history = client.fetchHistory(req.key().workflowId()).toJson(true);
    String payloads = decodedPayloads(history);
    assertTrue(payloads.contains(SEALED.ciphertext()), "the scan reads the real payloads");
    assertTrue(payloads.contains("preflight: STS GetCallerIdentity"), "activity summaries included");
    assertClean(history);
    assertClean(payloads);

    DataConverter json = DefaultDataConverter.newDefaultInstance();
    assertFalse(aws.payloads.isEmpty());
    for (Object payload : aws.payloads) {
      assertClean(json.toPayload(payload).orElseThrow().getData().toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyCredentialCarryingField_isSealed() throws Exception {
    List<Class<?>> types = new ArrayList<>(contractTypes("io.harnessdeployer.workflows.steps"));
    types.addAll(contractTypes("io.harnessdeployer.workflows.deploy"));
    assertTrue(types.size() >= 25, "found the contract records: " + types.size());
    for (Class<?> type : types) {
      for (RecordComponent c : type.getRecordComponents()) {
        String name = c.getName().toLowerCase(Locale.ROOT);
        if (name.contains("credential") && !name.contains("arn")) {
          assertEquals(Sealed.class, c.getType(), type.getSimpleName() + "." + c.getName());
        }
        assertFalse(name.contains("password") || name.contains("apikey") || name.contains("authorization")
            || name.contains("clientsecret"), type.getSimpleName() + "." + c.getName());
      }
    }
  }

  private static void assertClean(String text) {
    assertFalse(text.contains(CLIENT_SECRET), "plaintext client secret");
    assertFalse(text.contains(BASIC_HEADER_B64), "base64 Basic header value");
    assertFalse(text.contains("Basic "), "a Basic header");
  }

  /** History JSON carries payload data base64-encoded: decode every {@code data} field. */
  private static String decodedPayloads(String historyJson) {
    StringBuilder text = new StringBuilder();
    Matcher m = Pattern.compile("\"data\": \"([^\"]+)\"").matcher(historyJson);
    while (m.find()) {
      byte[] bytes = Base64.getDecoder().decode(m.group(1).replace("\\u003d", "="));
      text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
    }
    return text.toString();
  }

  private static List<Class<?>> contractTypes(String pkg) throws Exception {
    URL dir = SecretScanTest.class.getClassLoader().getResource(pkg.replace('.', '/'));
    List<Class<?>> records = new ArrayList<>();
    for (File f : new File(dir.toURI()).listFiles()) {
      if (f.getName().endsWith(".class") && !f.getName().contains("$")) {
        Class<?> c = Class.forName(pkg + "." + f.getName().replace(".class", ""));
        if (c.isRecord()) {
          records.add(c);
        }
      }
    }
    return records;
  }
}
