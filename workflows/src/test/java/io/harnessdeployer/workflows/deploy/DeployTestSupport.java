package io.harnessdeployer.workflows.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Predicate;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Shared fixtures of the deploy workflow tests. */
final class DeployTestSupport {
  static final String CLIENT_ID = "zs-client-7f3a";
  static final String CLIENT_SECRET = "s3cr3t-ZS-value-42";
  static final String BASIC_HEADER_B64 = Base64.getEncoder()
      .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
  static final Sealed SEALED = seal("{\"ZSCALER_CLIENT_ID\":\"" + CLIENT_ID
      + "\",\"ZSCALER_CLIENT_SECRET\":\"" + CLIENT_SECRET
      + "\",\"ZSCALER_VANITY_DOMAIN\":\"acme\",\"ZSCALER_CUSTOMER_ID\":\"1234\"}");

  private DeployTestSupport() {}

  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder b = TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(
            // a bug in workflow code fails the test instead of retrying the workflow task forever
            WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(NullPointerException.class, IllegalStateException.class,
                    IllegalArgumentException.class, ClassCastException.class)
                .build(),
            DeployWorkflowImpl.class)
        // a loaded 2-core machine may take over 1 s to load classes in the first workflow task
        .setWorkerOptions(WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build())
        .setDoNotStart(true);
    SearchAttributes.ALL.forEach(
        k -> b.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return b.build();
  }

  static DeployRequest.Builder request() {
    return DeployRequest.builder("dev", "us-east-1", SEALED)
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false"));
  }

  static DeployWorkflow stub(WorkflowClient client, WorkflowOptions base, DeployRequest req) {
    return client.newWorkflowStub(DeployWorkflow.class, WorkflowOptions.newBuilder(base)
        .setWorkflowId(req.key().workflowId())
        .setWorkflowRunTimeout(Duration.ofHours(3))
        .build());
  }

  /**
   * Waits until the deploy reports {@code status}, advancing the test server's clock in small
   * steps: nothing waits on the workflow's result, so time would not skip by itself (IAM timers).
   */
  static DeployProgress awaitStatus(TestWorkflowEnvironment env, DeployWorkflow wf, DeployStatus status) {
    return awaitProgress(env, wf, p -> p.status() == status, "status " + status);
  }

  static DeployProgress awaitProgress(TestWorkflowEnvironment env, DeployWorkflow wf,
      Predicate<DeployProgress> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    DeployProgress last = null;
    while (System.nanoTime() < deadline) {
      last = wf.progress();
      if (condition.test(last)) {
        return last;
      }
      env.sleep(Duration.ofSeconds(2));
    }
    return fail("deploy never reached " + what + "; last progress: " + last);
  }

  static StepState step(DeployProgress progress, String id) {
    return progress.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** AES-256-GCM as the client's sealer does it, under a fixed test key. */
  static Sealed seal(String plaintext) {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest("test-key".getBytes(StandardCharsets.UTF_8));
      byte[] iv = new byte[12];
      iv[0] = 7;
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
      byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      String keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
      return new Sealed(keyId, Base64.getEncoder().encodeToString(iv), Base64.getEncoder().encodeToString(ct));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
