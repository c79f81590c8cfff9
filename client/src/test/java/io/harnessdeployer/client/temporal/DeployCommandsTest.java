package io.harnessdeployer.client.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.SealKeys;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy, status, resume and rollback through the real command line against the in-memory test
 * server, with a scripted stand-in for the deploy workflow. Time skipping is off on purpose: the CLI
 * waits on the result, which unlocks skipping, and a deploy paused for an operator has no timer, so
 * the test server would jump to its 10-year execution timeout. The stand-in's steps take 30 ms.
 */
class DeployCommandsTest {
  static final String SECRET = "Top-Secret-Zscaler-Value-77";
  static final String BASIC = Base64.getEncoder().encodeToString(("client-1:" + SECRET).getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  /** One server for the class: every test uses its own deployment names. */
  static TestWorkflowEnvironment env;
  CliContext ctx;

  @BeforeAll
  static void startServer() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.DEPLOY);
    worker.registerWorkflowImplementationTypes(FakeDeployWorkflow.class, DestroyWorkflow.Forever.class);
    worker.registerActivitiesImplementations(new FlakyCall.Impl());
    env.start();
  }

  @AfterAll
  static void stopServer() {
    env.close();
  }

  @BeforeEach
  void settings() throws Exception {
    Files.writeString(dir.resolve(".env"), String.join("\n",
        "ZSCALER_CLIENT_ID=client-1",
        "ZSCALER_CLIENT_SECRET=" + SECRET,
        "ZSCALER_CUSTOMER_ID=cust-9",
        "ZSCALER_VANITY_DOMAIN=acme",
        "ZSCALER_MCP_WRITE_ENABLED=true",
        ""));
    ctx = CliRun.context(dir, Map.of(), Prompter.NONE,
        (address, namespace) -> new TemporalConnection(env.getWorkflowClient(), address, namespace, () -> {}));
  }

  CliRun cli(String... args) {
    CliRun run = CliRun.run(ctx, args);
    assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), "secret in output: " + run);
    assertFalse(run.out().contains(BASIC) || run.err().contains(BASIC), "Basic value in output: " + run);
    return run;
  }

  @Test
  void deployFollowsProgressAndEndsWithTheSummary() throws Exception {
    CliRun run = cli("deploy", "--name", "happy");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Deployed us-east-1/happy\n"), run.out());
    assertTrue(run.out().contains("hrn-123 (zscaler_mcp_happy_harness, READY)"), run.out());
    assertTrue(run.out().contains("client destroy --name happy --region us-east-1"), run.out());
    assertTrue(run.err().contains("[INFO] started the deploy of us-east-1/happy"), run.err());
    assertTrue(run.err().contains("DONE         Step harness (0s): harness-resource created"), run.err());
    assertTrue(run.err().contains("[INFO] created seal key"), "first use creates the key: " + run.err());
  }

  @Test
  void workflowHistoryHoldsNeitherTheSecretNorTheBasicValue() throws Exception {
    assertEquals(ExitCodes.OK, cli("deploy", "--name", "scan").exitCode());

    String workflowId = new DeploymentKey("us-east-1", "scan").workflowId();
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(workflowId);
    String raw = new String(history.getHistory().toByteArray(), StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains("client-1") || raw.contains("ZSCALER_MCP_WRITE_ENABLED"), "scan must see payload bytes");
    assertFalse(raw.contains(SECRET), "plaintext secret in history");
    assertFalse(raw.contains(BASIC), "Basic header value in history");
    assertFalse(raw.contains(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))));

    HistoryEvent started = history.getEvents().get(0);
    DeployRequest request = DefaultDataConverter.newDefaultInstance().fromPayloads(0,
        Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()), DeployRequest.class, DeployRequest.class);
    SealKey key = SealKeys.load(Map.of(), dir.resolve("home"));
    assertEquals(new ZscalerCredentials("client-1", SECRET, "cust-9", "acme", null),
        ZscalerCredentials.unseal(key, request.credentials()));
    assertEquals(Map.of("ZSCALER_MCP_WRITE_ENABLED", "true"), request.containerEnv());
    assertEquals(SecretMode.MANAGED, request.secretMode());
  }

  @Test
  void jsonOutputIsParseableWhileProgressGoesToStderr() throws Exception {
    CliRun run = cli("deploy", "--name", "json", "--output", "json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("SUCCEEDED", json.get("status").asText());
    assertEquals("READY", json.get("summary").get("harnessStatus").asText());
    assertEquals(3, json.get("steps").size());
    assertTrue(run.err().contains("DONE"), run.err());

    CliRun status = cli("status", "--name", "json", "--output", "json");
    assertEquals(ExitCodes.OK, status.exitCode(), status.toString());
    JsonNode s = new ObjectMapper().readTree(status.out());
    assertEquals("SUCCEEDED", s.get("status").asText());
    assertEquals("READY", s.get("summary").get("harnessStatus").asText());
    assertEquals("DeployWorkflow", s.get("operation").asText());
    // the live state, looked up by the ids in the summary
    assertEquals("hrn-123", s.get("harness").get("id").asText());
    assertEquals("READY", s.get("harness").get("status").asText());
    assertEquals("arn:svc", s.get("service").get("arn").asText());
    assertEquals("ACTIVE", s.get("service").get("status").asText());
    assertEquals("svc.ecs.test", s.get("service").get("endpoint").asText());
    assertTrue(s.get("service").has("error") && s.get("service").get("error").isNull(), s.toString());
    assertTrue(s.get("failedStep").isNull() && s.get("lastError").isNull(), s.toString());
    assertTrue(s.get("retrying").isArray() && s.get("retrying").isEmpty(), s.toString());

    CliRun text = cli("status", "--name", "json");
    assertTrue(text.out().contains("AWS now:\n  Harness              READY hrn-123\n"
        + "  ECS service          ACTIVE arn:svc https://svc.ecs.test\n"), text.out());
  }

  @Test
  void pausedDeployExitsThreeAndResumeFinishesIt() {
    CliRun deploy = cli("deploy", "--name", "pause_retry");
    assertEquals(ExitCodes.PAUSED, deploy.exitCode(), deploy.toString());
    assertTrue(deploy.err().contains("Paused us-east-1/pause_retry at step secret: AccessDenied"), deploy.err());
    assertTrue(deploy.err().contains("client resume --name pause_retry --region us-east-1"), deploy.err());
    assertTrue(deploy.err().contains("client rollback --name pause_retry --region us-east-1"), deploy.err());

    CliRun status = cli("status", "--name", "pause_retry");
    assertEquals(ExitCodes.PAUSED, status.exitCode(), status.toString());
    assertTrue(status.out().startsWith("us-east-1/pause_retry: PAUSED (DeployWorkflow running"), status.out());
    assertTrue(status.out().contains("PAUSED       Step secret"), status.out());
    assertFalse(status.out().contains("AWS now:"), "no harness or service yet, nothing to look up: " + status.out());

    assertTrue(status.out().contains("Last error at secret: AccessDenied: not authorized to CreateSecret\n"), status.out());

    CliRun resume = cli("resume", "--name", "pause_retry");
    assertEquals(ExitCodes.OK, resume.exitCode(), resume.toString());
    assertTrue(resume.err().contains("[INFO] RETRY accepted for step secret"), resume.err());
    assertTrue(resume.out().startsWith("Deployed us-east-1/pause_retry"), resume.out());

    // the error the retry fixed is history, not the last error of a deploy that succeeded
    CliRun after = cli("status", "--name", "pause_retry");
    assertTrue(after.out().startsWith("us-east-1/pause_retry: SUCCEEDED"), after.out());
    assertFalse(after.out().contains("Last error"), after.out());
    JsonNode json = json(cli("status", "--name", "pause_retry", "--output", "json").out());
    assertTrue(json.get("lastError").isNull() && json.get("failedStep").isNull(), json.toString());

    CliRun again = cli("resume", "--name", "pause_retry");
    assertEquals(ExitCodes.FAILED, again.exitCode(), again.toString());
    assertEquals("error: the last DeployWorkflow of us-east-1/pause_retry has already ended (COMPLETED): nothing to resume",
        again.err().strip());
  }

  @Test
  void deployOfARunningDeploymentAttachesToIt() {
    CliRun first = cli("deploy", "--name", "pause_attach", "--no-wait", "--output", "json");
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    assertTrue(first.out().contains("\"attached\" : false"), first.out());

    CliRun second = cli("deploy", "--name", "pause_attach");
    assertEquals(ExitCodes.PAUSED, second.exitCode(), second.toString());
    assertTrue(second.err().contains("a deploy of us-east-1/pause_attach is already running"), second.err());
    String runId = runIdOf(first.out());
    assertTrue(second.out().isEmpty(), second.out());
    assertEquals(runId, env.getWorkflowClient().newUntypedWorkflowStub(
        new DeploymentKey("us-east-1", "pause_attach").workflowId()).describe().getExecution().getRunId());
  }

  /**
   * Two clients deploying one deployment at once both find no run before they start it; only one
   * creates it (USE_EXISTING), and the other must say it attached, not that it started one.
   */
  @Test
  void twoDeploysAtOnceOneStartsTheOtherAttaches() throws Exception {
    assertEquals(ExitCodes.OK, cli("deploy", "--name", "race_warmup").exitCode()); // seal key made once
    for (int i = 0; i < 8; i++) {
      String name = "pause_race" + i;
      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.Callable<CliRun> deploy = () -> {
        CliContext own = CliRun.context(dir, Map.of(), Prompter.NONE,
            (address, namespace) -> new TemporalConnection(env.getWorkflowClient(), address, namespace, () -> {}));
        together.await();
        return CliRun.run(own, "deploy", "--name", name, "--no-wait", "--output", "json");
      };
      java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var a = two.submit(deploy);
        var b = two.submit(deploy);
        JsonNode ja = json(a.get().out());
        JsonNode jb = json(b.get().out());
        assertEquals(ja.get("runId"), jb.get("runId"), "one run: " + ja + " " + jb);
        assertTrue(ja.get("attached").asBoolean() != jb.get("attached").asBoolean(),
            "one starts, the other attaches: " + ja + " " + jb);
      } finally {
        two.shutdown();
      }
    }
  }

  @Test
  void rollbackNeedsConfirmationThenRollsBack() {
    assertEquals(ExitCodes.PAUSED, cli("deploy", "--name", "pause_rb").exitCode());

    CliRun refused = cli("rollback", "--name", "pause_rb");
    assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.toString());
    assertEquals("error: confirmation needed to roll back us-east-1/pause_rb, but there is no terminal to ask on: pass --yes",
        refused.err().strip());

    CliRun rollback = cli("rollback", "--name", "pause_rb", "--yes");
    assertEquals(ExitCodes.OK, rollback.exitCode(), rollback.toString());
    assertTrue(rollback.err().contains("ended ROLLED_BACK at step secret"), rollback.err());

    CliRun status = cli("status", "--name", "pause_rb");
    assertEquals(ExitCodes.FAILED, status.exitCode(), status.toString());
    assertTrue(status.out().startsWith("us-east-1/pause_rb: ROLLED_BACK"), status.out());
  }

  @Test
  void aRollbackNamesTheStepThatFailedNotTheLastOneItUndid() {
    CliRun run = cli("deploy", "--name", "late_auto", "--on-failure", "rollback");
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Deploy of us-east-1/late_auto ended ROLLED_BACK at step harness: rolled back after"
        + " harness failed: AccessDenied: not authorized to CreateHarness"), run.err());

    CliRun status = cli("status", "--name", "late_auto");
    assertTrue(status.out().contains("Last error at harness: AccessDenied: not authorized to CreateHarness\n"), status.out());
    JsonNode json = json(cli("status", "--name", "late_auto", "--output", "json").out());
    assertEquals("preflight", json.get("currentStep").asText(), "the rollback's last undo: " + json);
    assertEquals("harness", json.get("failedStep").asText(), json.toString());
    assertEquals("harness: AccessDenied: not authorized to CreateHarness", json.get("lastError").asText());
  }

  @Test
  void aCallBeingRetriedShowsItsAttemptAndLastErrorOnOneLine() {
    CliRun run = cli("deploy", "--name", "retry_call");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.err().lines().anyMatch(l -> l.matches("RUNNING {6}Step harness \\(attempt [23], last error:"
        + " InternalFailure: We encountered an internal error\\. Please try again\\. \\[31m\\)")), run.err());
    assertFalse(run.err().contains("\u001b"), "the escape in the AWS error never reaches the terminal");
    assertTrue(run.err().contains("DONE         Step harness"), run.err());
  }

  @Test
  void statusShowsTheRetriedCallOfARunningStep() throws Exception {
    assertEquals(ExitCodes.OK, cli("deploy", "--name", "retrylong_status", "--no-wait").exitCode());

    JsonNode call = null;
    for (long end = System.currentTimeMillis() + 10_000; call == null && System.currentTimeMillis() < end; Thread.sleep(100)) {
      JsonNode s = json(cli("status", "--name", "retrylong_status", "--output", "json").out());
      call = s.get("retrying").isEmpty() ? null : s.get("retrying").get(0);
    }
    assertTrue(call != null, "status never listed the retried call");
    assertEquals("harness", call.get("step").asText(), call.toString());
    assertEquals("FlakyCall", call.get("activity").asText(), call.toString());
    assertTrue(call.get("attempt").asInt() >= 2, call.toString());
    assertEquals("InternalFailure: We encountered an internal error. Please try again. [31m", call.get("lastError").asText());

    CliRun text = cli("status", "--name", "retrylong_status");
    assertTrue(text.out().lines().anyMatch(l -> l.startsWith("RUNNING      Step harness (attempt ")
        && l.endsWith(", last error: InternalFailure: We encountered an internal error. Please try again. [31m)")), text.out());
    assertFalse(text.out().contains("Last error"), "a retried call is not a failed deploy: " + text.out());
  }

  @Test
  void onFailureRollbackEndsWithExitOne() {
    CliRun run = cli("deploy", "--name", "pause_auto", "--on-failure", "rollback");
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Deploy of us-east-1/pause_auto ended ROLLED_BACK"), run.err());
    assertTrue(run.err().contains("AccessDenied"), run.err());
  }

  @Test
  void anotherOperationOnTheSameDeploymentIsAConflict() {
    DeploymentKey key = new DeploymentKey("us-east-1", "busy");
    WorkflowClient client = env.getWorkflowClient();
    DestroyWorkflow destroy = client.newWorkflowStub(DestroyWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(key.workflowId()).build());
    WorkflowClient.start(destroy::destroy, key.toString());

    CliRun run = cli("deploy", "--name", "busy");
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertTrue(run.errorLines().get(0).startsWith("error: another operation is running on us-east-1/busy: DestroyWorkflow started "),
        run.err());
    assertTrue(run.err().contains("wait for it to finish, or cancel it with 'client cancel --name busy --region us-east-1'"),
        run.err());
    assertEquals(1, run.errorLines().size());

    CliRun resume = cli("resume", "--name", "busy");
    assertEquals(ExitCodes.FAILED, resume.exitCode(), resume.toString());
    assertTrue(resume.err().contains("another operation is running on us-east-1/busy"), resume.err());
  }

  @Test
  void cancelNeedsConfirmation_thenRollsThePausedDeployBack_andSaysWhenNothingRuns() {
    assertEquals(ExitCodes.PAUSED, cli("deploy", "--name", "pause_cancel").exitCode());

    CliRun refused = cli("cancel", "--name", "pause_cancel");
    assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.toString());
    assertEquals("error: confirmation needed to cancel the deploy of us-east-1/pause_cancel, but there is no terminal"
        + " to ask on: pass --yes", refused.err().strip());

    CliRun cancel = cli("cancel", "--name", "pause_cancel", "--yes");
    assertEquals(ExitCodes.OK, cancel.exitCode(), cancel.toString());
    assertTrue(cancel.err().contains("[INFO] cancel requested for the deploy of us-east-1/pause_cancel (run "), cancel.err());
    assertTrue(cancel.err().contains("Deploy of us-east-1/pause_cancel ended CANCELED"), cancel.err());
    JsonNode status = json(cli("status", "--name", "pause_cancel", "--output", "json").out());
    assertEquals("CANCELED", status.get("status").asText(), status.toString());
    assertEquals("COMPENSATED", status.get("steps").get(1).get("status").asText(), "the secret was undone: " + status);

    CliRun again = cli("cancel", "--name", "pause_cancel", "--yes");
    assertEquals(ExitCodes.FAILED, again.exitCode(), again.toString());
    assertEquals("error: nothing is running on us-east-1/pause_cancel: its last DeployWorkflow has already ended"
        + " (CANCELED)", again.err().strip());
  }

  @Test
  void cancelStopsARunningDestroy() {
    DeploymentKey key = new DeploymentKey("us-east-1", "destroy_cancel");
    WorkflowClient client = env.getWorkflowClient();
    WorkflowClient.start(client.newWorkflowStub(DestroyWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(key.workflowId()).build())::destroy, key.toString());

    CliRun cancel = cli("cancel", "--name", "destroy_cancel", "--yes", "--no-wait", "--output", "json");
    assertEquals(ExitCodes.OK, cancel.exitCode(), cancel.toString());
    JsonNode ack = json(cancel.out());
    assertEquals("destroy", ack.get("operation").asText(), ack.toString());
    assertThrows(io.temporal.client.WorkflowFailedException.class,
        () -> client.newUntypedWorkflowStub(key.workflowId()).getResult(20, java.util.concurrent.TimeUnit.SECONDS, Void.class));
    assertEquals(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
        client.newUntypedWorkflowStub(key.workflowId()).describe().getStatus());
  }

  @Test
  void rerunningAFinishedDeployStartsANewRun() {
    CliRun first = cli("deploy", "--name", "twice", "--output", "json");
    CliRun second = cli("deploy", "--name", "twice", "--output", "json");
    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertTrue(second.err().contains("[INFO] started the deploy of us-east-1/twice"), second.err());
    assertNotEquals(runIdOf(first.out()), runIdOf(second.out()));
  }

  @Test
  void workflowRejectingItsInputEndsFailed() {
    CliRun run = cli("deploy", "--name", "invalid_by_workflow");
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Deploy of us-east-1/invalid_by_workflow ended FAILED"), run.err());
    assertTrue(run.err().contains("rejected by the workflow"), run.err());
  }

  @Test
  void unknownDeploymentIsExitOne() {
    CliRun run = cli("status", "--name", "ghost");
    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertEquals("error: no deployment us-east-1/ghost in Temporal (workflow id harness-deployer/us-east-1/ghost)",
        run.err().strip());
  }

  @Test
  void statusFindsTheDeploymentThroughTheSameDotEnv() throws Exception {
    Files.writeString(dir.resolve(".env"), Files.readString(dir.resolve(".env")) + "HARNESS_NAME=from_env_file\nAWS_REGION=eu-west-1\n");
    assertEquals(ExitCodes.OK, cli("deploy").exitCode());
    CliRun status = cli("status");
    assertEquals(ExitCodes.OK, status.exitCode(), status.toString());
    assertTrue(status.out().startsWith("eu-west-1/from_env_file: SUCCEEDED"), status.out());
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  private static String runIdOf(String json) {
    try {
      return new ObjectMapper().readTree(json).get("runId").asText();
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }
}
