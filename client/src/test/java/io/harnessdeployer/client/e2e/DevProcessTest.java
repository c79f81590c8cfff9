package io.harnessdeployer.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.Main;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.client.local.LocalStackInfo;
import io.harnessdeployer.worker.WorkerMain;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client dev} as its own process: it announces itself, {@code deploy --local} uses it, the
 * other commands find it with no TEMPORAL_ADDRESS or AWS_ENDPOINT_URL, a second {@code dev}
 * refuses, and SIGTERM stops it cleanly.
 */
class DevProcessTest {
  @TempDir Path dir;

  @Test
  void devStack_isFoundWithoutEnvironment_andStopsCleanly() throws Exception {
    Map<String, String> env = new HashMap<>(E2e.env(dir, "unused", "unused"));
    env.remove("TEMPORAL_ADDRESS");
    env.remove("AWS_ENDPOINT_URL");
    LocalStackFile file = new LocalStackFile(dir.resolve("state"));
    try (ChildJava dev = ChildJava.start(dir, "dev", env, Main.class.getName(),
        "dev", "--temporal-port", "0", "--aws-port", "0")) {
      assertTrue(E2e.await(Duration.ofSeconds(60), () -> file.live().isPresent() || !dev.alive()), dev.toString());
      LocalStackInfo info = file.live().orElseThrow(() -> new AssertionError("no live local stack\n" + dev));
      assertEquals(dev.pid(), info.pid());
      assertTrue(dev.out().contains("TEMPORAL_ADDRESS=" + info.temporalAddress() + "\n"), dev.out());
      assertTrue(dev.out().contains("AWS_ENDPOINT_URL=" + info.awsEndpoint() + "\n"), dev.out());

      CliContext cli = CliRun.live(dir, env);
      CliRun deploy = CliRun.run(cli, "deploy", "--local", "--name", "dev", "--yes"); // --local: uses the running one
      assertEquals(ExitCodes.OK, deploy.exitCode(), deploy.toString());
      assertTrue(deploy.err().contains("[INFO] using the local stack of process " + dev.pid()), deploy.err());
      assertFalse(deploy.err().contains("started a local stack"), deploy.err());
      CliRun status = CliRun.run(cli, "status", "--name", "dev", "--output", "json"); // no --local: found by its file
      assertEquals(ExitCodes.OK, status.exitCode(), status.toString());
      JsonNode s = new ObjectMapper().readTree(status.out());
      assertEquals("READY", s.path("harness").path("status").asText(), status.out());
      assertEquals("ACTIVE", s.path("service").path("status").asText(), status.out());
      assertEquals(E2e.resources("dev"), new EmulatorControl(java.net.URI.create(info.awsEndpoint())).resources());

      CliRun second = CliRun.run(cli, "dev", "--temporal-port", "0", "--aws-port", "0");
      assertEquals(ExitCodes.FAILED, second.exitCode(), second.toString());
      assertTrue(second.errorLines().get(0).contains("a local stack is already running (process " + dev.pid()), second.err());

      dev.terminate(); // SIGTERM, as Ctrl-C or a service manager would
      dev.waitFor(Duration.ofSeconds(30));
      assertTrue(dev.out().endsWith("local stack stopped\n"), dev.out());
      assertFalse(Files.exists(file.path()), "the discovery file goes with the stack");
    }
  }

  /**
   * {@code dev --no-worker}: the stack hosts no worker, so every task of a deploy is taken by the
   * separate worker process (its pid is in each started activity's identity).
   */
  @Test
  void devStackWithoutWorker_tasksGoToTheWorkerProcess() throws Exception {
    Map<String, String> env = new HashMap<>(E2e.env(dir, "unused", "unused"));
    env.remove("TEMPORAL_ADDRESS");
    env.remove("AWS_ENDPOINT_URL");
    LocalStackFile file = new LocalStackFile(dir.resolve("state"));
    try (ChildJava dev = ChildJava.start(dir, "dev", env, Main.class.getName(),
        "dev", "--temporal-port", "0", "--aws-port", "0", "--no-worker")) {
      assertTrue(E2e.await(Duration.ofSeconds(60), () -> file.live().isPresent() || !dev.alive()), dev.toString());
      LocalStackInfo info = file.live().orElseThrow(() -> new AssertionError("no live local stack\n" + dev));
      assertTrue(dev.out().contains("no worker"), dev.out());
      CliContext cli = CliRun.live(dir, env);
      CliRun started = CliRun.run(cli, "deploy", "--name", "nw", "--yes", "--no-wait");
      assertEquals(ExitCodes.OK, started.exitCode(), started.toString());

      Map<String, String> workerEnv = new HashMap<>(E2e.env(dir, info.temporalAddress(), info.awsEndpoint()));
      workerEnv.put("HARNESS_DEPLOYER_METRICS_PORT", "0");
      WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(info.temporalAddress()).build());
      try (ChildJava worker = ChildJava.start(dir, "worker", workerEnv, WorkerMain.class.getName())) {
        WorkflowClient client = WorkflowClient.newInstance(service);
        String id = new DeploymentKey("us-east-1", "nw").workflowId();
        client.newUntypedWorkflowStub(id).getResult(90, TimeUnit.SECONDS, Object.class);
        List<String> identities = client.fetchHistory(id).getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
            .map(e -> e.getActivityTaskStartedEventAttributes().getIdentity()).toList();
        assertFalse(identities.isEmpty());
        assertTrue(identities.stream().allMatch(i -> i.startsWith(worker.pid() + "@")), identities + "\n" + worker);
      } finally {
        service.shutdownNow();
      }
      dev.terminate();
      dev.waitFor(Duration.ofSeconds(30));
    }
  }
}
