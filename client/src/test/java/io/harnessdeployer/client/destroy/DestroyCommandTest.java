package io.harnessdeployer.client.destroy;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.ScriptedPrompter;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.temporal.FakeDeployWorkflow;
import io.harnessdeployer.client.temporal.FlakyCall;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.client.temporal.TemporalConnector;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.temporal.api.history.v1.HistoryEvent;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client destroy} through the real command line against the in-memory test server, with a
 * scripted stand-in for the destroy workflow (and the deploy one, for conflicts). Time skipping is
 * off, as in {@code DeployCommandsTest}: a destroy in the way waits without a timer.
 */
class DestroyCommandTest {
  @TempDir Path dir;
  static TestWorkflowEnvironment env;

  @BeforeAll
  static void startServer() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.DEPLOY);
    worker.registerWorkflowImplementationTypes(FakeDestroyWorkflow.class, FakeDeployWorkflow.class);
    worker.registerActivitiesImplementations(new FlakyCall.Impl());
    env.start();
  }

  @AfterAll
  static void stopServer() {
    env.close();
  }

  TemporalConnector temporal() {
    return (address, namespace) -> new TemporalConnection(env.getWorkflowClient(), address, namespace, () -> {});
  }

  CliRun cli(Prompter prompter, TemporalConnector temporal, String... args) {
    return CliRun.run(CliRun.context(dir, Map.of(), prompter, temporal), args);
  }

  CliRun cli(String... args) {
    return cli(Prompter.NONE, temporal(), args);
  }

  @Test
  void withoutATerminalAndWithoutYes_exitsTwoBeforeAnyWorkflowCall() {
    CliRun run = cli(Prompter.NONE, CliRun.NO_TEMPORAL, "destroy", "--name", "nope");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(List.of("error: confirmation needed to destroy us-east-1/nope, but there is no terminal to ask on:"
        + " pass --yes"), run.errorLines());
    assertEquals("", run.out());
  }

  @Test
  void keepSecretWithForceSecretDelete_isBadInput() {
    CliRun run = cli(Prompter.NONE, CliRun.NO_TEMPORAL, "destroy", "--name", "x", "--yes", "--keep-secret",
        "--force-secret-delete");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(List.of("error: --keep-secret and --force-secret-delete contradict each other: choose one"),
        run.errorLines());
  }

  @Test
  void onATerminal_aWrongNameCancels_andTheRightNameDestroys() {
    ScriptedPrompter wrong = new ScriptedPrompter("typo");
    CliRun cancelled = cli(wrong, CliRun.NO_TEMPORAL, "destroy", "--name", "typed");
    assertEquals(ExitCodes.FAILED, cancelled.exitCode(), cancelled.toString());
    assertEquals(List.of("error: cancelled: the name typed is not typed; nothing was done"), cancelled.errorLines());
    assertTrue(cancelled.err().contains("About to destroy us-east-1/typed."), cancelled.err());

    ScriptedPrompter right = new ScriptedPrompter("typed");
    CliRun run = cli(right, temporal(), "destroy", "--name", "typed", "--keep-role");
    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertEquals(List.of("This will destroy us-east-1/typed. Type the deployment name (typed) to confirm: "), right.asked);
    assertTrue(run.err().contains("  Harness role         zscaler-mcp-typed-us-east-1-harness-role: kept (--keep-role)"),
        run.err());
  }

  @Test
  void aDeleteBeingRetriedShowsItsAttemptAndLastError() {
    CliRun run = cli("destroy", "--name", "retry_delete", "--yes");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.err().lines().anyMatch(l -> l.matches("RUNNING      Delete harness \\(attempt [23], last error:"
        + " InternalFailure: We encountered an internal error\\. Please try again\\. \\[31m\\)")), run.err());
    assertFalse(run.err().contains("\u001b"), run.err());
  }

  @Test
  void yes_followsProgress_andPrintsTheReportTable() {
    CliRun run = cli("destroy", "--name", "happy", "--yes");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Destroyed us-east-1/happy\n"), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("  log-group +log-group-name +deleted +log-group deleted")),
        run.out());
    assertTrue(run.err().contains("[INFO] started the destroy of us-east-1/happy"), run.err());
    assertTrue(run.err().contains("DONE         Delete harness (0s): deleted"), run.err());
    assertFalse(run.err().contains("About to destroy"), "no plan without a question: " + run.err());
  }

  @Test
  void aFailedDelete_exitsOne_andTheReportNamesIt() {
    CliRun run = cli("destroy", "--name", "fail_one", "--yes");

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Destroy of us-east-1/fail_one finished with 1 failure(s)"), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches(
        "  log-group +log-group-name +FAILED +AccessDenied: CloudWatch Logs delete log group /ecs/x")), run.out());
    assertTrue(run.err().contains("FAILED       Delete log-group"), run.err());
  }

  @Test
  void jsonOutput_isTheReport() throws Exception {
    CliRun run = cli("destroy", "--name", "json_keep", "--yes", "--keep-ecs", "--output", "json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("us-east-1/json_keep", json.get("deployment").asText());
    assertEquals("DESTROYED", json.get("status").asText());
    assertEquals(3, json.get("resources").size());
    assertEquals("KEPT_BY_FLAG", json.get("resources").get(2).get("outcome").asText());
    assertEquals("--keep-ecs: the service keeps running", json.get("notes").get(0).asText());
  }

  @Test
  void aDestroyRejectedByTheWorkflow_exitsOne_withJsonOfHowItEnded() throws Exception {
    CliRun run = cli("destroy", "--name", "invalid_input", "--yes", "--output", "json");

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("FAILED", json.get("status").asText());
    assertEquals("rejected by the workflow", json.get("error").asText());
  }

  @Test
  void namesAndKeepFlags_resolveLikeTheDeploys_fromFlagsEnvironmentAndDotEnv() throws Exception {
    Files.writeString(dir.resolve(".env"), String.join("\n", "HARNESS_NAME=custom_harness",
        "ECS_CLUSTER_NAME=custom-cluster", "ZSCALER_SECRET_NAME=team/own-secret", "AWS_REGION=eu-west-1", ""));
    CliContext ctx = CliRun.context(dir, Map.of("ECS_LOG_GROUP", "/ecs/from-env"), Prompter.NONE, temporal());

    CliRun run = CliRun.run(ctx, "destroy", "--yes", "--ecs-service-name", "svc-flag", "--keep-secret", "--keep-role");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    DestroyRequest request = startedWith(new DeploymentKey("eu-west-1", "custom_harness"));
    ResourceNames expected = ResourceNames.defaults().withHarness("custom_harness").withCluster("custom-cluster");
    expected = new ResourceNames(expected.harness(), expected.harnessRole(), expected.apiKeyProvider(),
        expected.cluster(), "svc-flag", expected.taskExecutionRole(), expected.infrastructureRole(),
        "/ecs/from-env", expected.secret());
    assertEquals(DestroyRequest.builder("custom_harness", "eu-west-1").names(expected)
        .byoSecretId("team/own-secret").keepSecret(true).keepRole(true)
        .expectedAccount(request.expectedAccount()).build(), request);
    assertEquals("123456789012", request.expectedAccount(), "the account the client's own credentials resolve to");
  }

  @Test
  void aRunningDeploy_isAConflictNamedInOneLine() {
    DeploymentKey key = new DeploymentKey("us-east-1", "pause_busy");
    CliContext ctx = CliRun.context(dir, Map.of("ZSCALER_CLIENT_ID", "c", "ZSCALER_CLIENT_SECRET", "s",
        "ZSCALER_CUSTOMER_ID", "cu", "ZSCALER_VANITY_DOMAIN", "v"), Prompter.NONE, temporal());
    assertEquals(ExitCodes.PAUSED, CliRun.run(ctx, "deploy", "--name", "pause_busy").exitCode());
    WorkflowExecutionDescription deploy = env.getWorkflowClient().newUntypedWorkflowStub(key.workflowId()).describe();

    CliRun run = cli("destroy", "--name", "pause_busy", "--yes");

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertEquals(List.of("error: a deploy is running on us-east-1/pause_busy: DeployWorkflow started "
        + deploy.getStartTime() + " (workflow id harness-deployer/us-east-1/pause_busy); wait for it to finish,"
        + " or cancel it with 'client cancel --name pause_busy --region us-east-1' ('client status --name pause_busy --region"
        + " us-east-1' shows it)"), run.errorLines());
    assertEquals("", run.out());
    assertEquals(deploy.getExecution().getRunId(), env.getWorkflowClient()
        .newUntypedWorkflowStub(key.workflowId()).describe().getExecution().getRunId(), "the deploy still runs");
  }

  @Test
  void aRunningDestroy_isAConflictToo() {
    DestroyRequest held = DestroyRequest.builder("hold_it", "us-east-1").build();
    WorkflowClient client = env.getWorkflowClient();
    DestroyWorkflow wf = client.newWorkflowStub(DestroyWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(held.key().workflowId()).build());
    WorkflowClient.start(wf::destroy, held);
    WorkflowExecutionDescription running = client.newUntypedWorkflowStub(held.key().workflowId()).describe();

    CliRun run = cli("destroy", "--name", "hold_it", "--yes");

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertEquals(List.of("error: a destroy is running on us-east-1/hold_it: DestroyWorkflow started "
        + running.getStartTime() + " (workflow id harness-deployer/us-east-1/hold_it); wait for it to finish,"
        + " or cancel it with 'client cancel --name hold_it --region us-east-1' ('client status --name hold_it --region"
        + " us-east-1' shows it)"), run.errorLines());
  }

  private DestroyRequest startedWith(DeploymentKey key) {
    HistoryEvent started = env.getWorkflowClient().fetchHistory(key.workflowId()).getEvents().get(0);
    return DefaultDataConverter.newDefaultInstance().fromPayloads(0,
        Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()), DestroyRequest.class,
        DestroyRequest.class);
  }
}
