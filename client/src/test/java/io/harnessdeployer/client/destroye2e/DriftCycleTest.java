package io.harnessdeployer.client.destroye2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.secrets.SealKeys;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * plan, deploy, drift, an out-of-band delete, drift --heal, drift schedule (the timer loop: the local
 * stack's test server has no Schedules) and destroy, through the real command line against a local
 * stack with the real workflows and the AWS emulator. The emulator's request log shows that the
 * checks and the plan only read.
 */
class DriftCycleTest {
  static final String NAME = "driftcycle";
  static final DeploymentKey KEY = new DeploymentKey("us-east-1", NAME);

  @TempDir Path dir;

  @Test
  void planDeployDriftHealScheduleDestroy() throws Exception {
    byte[] seal = new byte[32];
    new SecureRandom().nextBytes(seal);
    Map<String, String> env = Map.of(
        CliContext.STATE_DIR_ENV, dir.resolve("state").toString(),
        SealKeys.ENV_KEY, Base64.getEncoder().encodeToString(seal),
        "ZSCALER_CLIENT_ID", "drift-client", "ZSCALER_CLIENT_SECRET", "Drift-Secret-987",
        "ZSCALER_CUSTOMER_ID", "42", "ZSCALER_VANITY_DOMAIN", "acme");
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0)
        .worker(SealKeys.load(env, dir)).discovery(new LocalStackFile(dir.resolve("state"))).start()) {
      Cloud cloud = new Cloud(stack.awsEndpoint());
      CliContext ctx = CliRun.live(dir, env);

      long before = cloud.lastSeq();
      CliRun empty = CliRun.run(ctx, "plan", "--name", NAME, "--yes");
      assertEquals(ExitCodes.CHANGES, empty.exitCode(), empty.toString());
      assertFalse(empty.out().contains("no-op") || empty.out().contains("update"), "an empty account: " + empty.out());
      assertTrue(empty.out().contains("  create     secret"), empty.out());
      assertReadOnly(cloud.callsAfter(before), "plan");

      CliRun deploy = CliRun.run(ctx, "deploy", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.toString());

      CliRun same = CliRun.run(ctx, "plan", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, same.exitCode(), same.toString());
      CliRun inSync = CliRun.run(ctx, "drift", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, inSync.exitCode(), inSync.toString());
      assertTrue(inSync.out().lines().anyMatch(l -> l.startsWith("IN_SYNC: ")), inSync.out());

      deleteSecret(stack.awsEndpoint(), Deployed.names(NAME).secret());
      before = cloud.lastSeq();
      CliRun drifted = CliRun.run(ctx, "drift", "--name", NAME, "--yes");
      assertEquals(ExitCodes.CHANGES, drifted.exitCode(), drifted.toString());
      assertTrue(drifted.out().matches("(?s).*\\n  secret +DELETED +" + Deployed.names(NAME).secret() + "\\n.*"), drifted.out());
      assertTrue(drifted.out().lines().anyMatch(l -> l.startsWith("DRIFTED: secret DELETED")), drifted.out());
      assertReadOnly(cloud.callsAfter(before), "drift");
      assertFalse(drifted.out().contains("Drift-Secret-987") || drifted.err().contains("Drift-Secret-987"));

      CliRun healed = CliRun.run(ctx, "drift", "--name", NAME, "--yes", "--heal");
      assertEquals(ExitCodes.OK, healed.exitCode(), healed.toString());
      assertTrue(healed.out().lines().anyMatch(l -> l.startsWith("HEALED: secret DELETED")), healed.out());
      assertEquals(ExitCodes.OK, CliRun.run(ctx, "drift", "--name", NAME, "--yes").exitCode(), "in sync after the heal");

      CliRun schedule = CliRun.run(ctx, "drift", "schedule", "--every", "1m", "--local", "--name", NAME, "--yes");
      assertEquals(ExitCodes.OK, schedule.exitCode(), schedule.toString());
      String loop = DriftIds.scheduleId(KEY);
      assertTrue(schedule.err().contains("[INFO] this Temporal server has no Schedules (local test server): checking"
          + " every 1m in workflow " + loop + " instead"), schedule.err());
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalAddress()).build());
      try {
        WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().build());
        DriftReport first = firstReport(client.newWorkflowStub(DriftCheckWorkflow.class, loop, Optional.empty()));
        assertEquals("IN_SYNC", first.verdict(), first.summary());
        CliRun listed = CliRun.run(ctx, "drift", "schedules");
        assertTrue(listed.out().lines().anyMatch(l -> l.startsWith("us-east-1/" + NAME) && l.contains(" loop ")
            && l.contains(" 1m ") && l.endsWith(loop)), listed.out());

        CliRun destroy = CliRun.run(ctx, "destroy", "--name", NAME, "--yes");
        assertEquals(ExitCodes.OK, destroy.exitCode(), destroy.toString());
        assertTrue(destroy.err().indexOf("[INFO] before the destroy: stopped the check loop " + loop)
            < destroy.err().indexOf("[INFO] started the destroy"), destroy.err());
        assertTrue(destroy.err().contains("[INFO] before the destroy: stopped the check loop " + loop), destroy.err());
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
            client.newUntypedWorkflowStub(loop).describe().getStatus());
        var n = Deployed.names(NAME);
        List<String> ours = List.of(n.harness(), n.harnessRole(), n.apiKeyProvider(), n.cluster(), n.service(),
            n.taskExecutionRole(), n.infrastructureRole(), n.logGroup(), n.secret());
        assertEquals(List.of(), cloud.live().stream().filter(r -> ours.stream().anyMatch(o -> r.endsWith(" " + o))).toList(),
            "the destroy deleted everything the deploy and the heal made");
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  /** The loop's first check runs at once: wait for its report (a query, at most 60 s). */
  private static DriftReport firstReport(DriftCheckWorkflow loop) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      DriftReport r = loop.lastReport();
      if (r != null) {
        return r;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the loop's first check did not end within 60 s");
  }

  /** Describes, gets, lists and STS only: nothing that writes. */
  private static void assertReadOnly(List<String> calls, String what) {
    assertFalse(calls.isEmpty(), what + " made no AWS call at all");
    List<String> writes = calls.stream().filter(c -> {
      String op = c.substring(c.indexOf('.') + 1);
      return !(op.startsWith("Describe") || op.startsWith("Get") || op.startsWith("List") || op.startsWith("BatchGet"));
    }).toList();
    assertEquals(List.of(), writes, what + " made a mutating call; all calls: " + calls);
  }

  private static void deleteSecret(URI endpoint, String secret) {
    try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalStack.ACCESS_KEY, LocalStack.SECRET_KEY)))
        .build()) {
      sm.deleteSecret(b -> b.secretId(secret).forceDeleteWithoutRecovery(true));
    }
  }
}
