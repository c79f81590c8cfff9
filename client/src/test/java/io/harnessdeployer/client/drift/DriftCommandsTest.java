package io.harnessdeployer.client.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.ScriptedPrompter;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.destroy.FakeDestroyWorkflow;
import io.harnessdeployer.client.temporal.FakeDeployWorkflow;
import io.harnessdeployer.client.temporal.FlakyCall;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drift, drift schedule / unschedule / schedules, plan, deploy --drift-every and destroy through the
 * real command line against Temporal's test server (time skipping on, so a 6h period passes at
 * once), with stand-ins for the workflows. The test server has no Schedules: scheduling takes the
 * timer-loop fallback here for real.
 */
class DriftCommandsTest {
  static final String SECRET = "Drift-Test-Secret-Value-42";
  static final String CREDENTIALS = String.join("\n", "ZSCALER_CLIENT_ID=client-1", "ZSCALER_CLIENT_SECRET=" + SECRET,
      "ZSCALER_CUSTOMER_ID=cust-9", "ZSCALER_VANITY_DOMAIN=acme", "");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  static TestWorkflowEnvironment env;

  @BeforeAll
  static void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.DEPLOY);
    worker.registerWorkflowImplementationTypes(FakeDriftCheck.class, FakePlan.class, FakeDeployWorkflow.class,
        FakeDestroyWorkflow.class);
    worker.registerActivitiesImplementations(new FlakyCall.Impl());
    env.start();
  }

  @AfterAll
  static void stopServer() {
    env.close();
  }

  @BeforeEach
  void settings() throws Exception {
    Files.writeString(dir.resolve(".env"), CREDENTIALS);
  }

  CliContext context(Prompter prompter) {
    return CliRun.context(dir, Map.of(), prompter,
        (address, namespace) -> new TemporalConnection(env.getWorkflowClient(), address, namespace, () -> {}));
  }

  CliRun cli(String... args) {
    return cli(Prompter.NONE, args);
  }

  CliRun cli(Prompter prompter, String... args) {
    CliRun run = CliRun.run(context(prompter), args);
    assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), "secret in output: " + run);
    return run;
  }

  static String loopId(String name) {
    return DriftIds.scheduleId(new DeploymentKey("us-east-1", name));
  }

  static List<DriftRequest> checks(String workflowId) {
    return FakeDriftCheck.REQUESTS.getOrDefault(workflowId, List.of());
  }

  static WorkflowExecutionStatus status(String workflowId) {
    return env.getWorkflowClient().newUntypedWorkflowStub(workflowId).describe().getStatus();
  }

  // ---- drift now

  @Test
  void inSync_exitsZeroWithEveryResourceInTheTable() {
    CliRun run = cli("drift", "--name", "calm", "--yes");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Drift of us-east-1/calm (checked "), run.out());
    assertTrue(run.out().contains("  secret               IN_SYNC      zscaler-mcp-harness/credentials\n"), run.out());
    assertTrue(run.out().endsWith("IN_SYNC: 3 resources checked\n"), run.out());
    assertTrue(run.err().contains("[INFO] started the drift check of us-east-1/calm (workflow "
        + DriftIds.checkId(new DeploymentKey("us-east-1", "calm"))), run.err());
  }

  @Test
  void driftFound_exitsTwoWithEachDifferingPropertyItsValuesAndKind() throws Exception {
    CliRun run = cli("drift", "--name", "drifted1", "--yes");

    assertEquals(ExitCodes.CHANGES, run.exitCode(), run.toString());
    assertTrue(run.out().contains("  secret               DELETED      zscaler-mcp-harness/credentials\n"), run.out());
    assertTrue(run.out().contains("  service              MODIFIED     zscaler-mcp-server\n"
        + "      NOT_EQUAL  image: expected \"repo/mcp:1\", actual \"repo/mcp:2\"\n"
        + "      ADD        environment.DEBUG: actual \"1\"\n"
        + "      REMOVE     healthCheckPath: expected \"/health\"\n"), run.out());
    assertTrue(run.out().contains("  harness              NOT_CHECKED  zscaler_mcp_harness (its execution role is missing)"),
        run.out());
    assertTrue(run.out().endsWith("DRIFTED: secret DELETED, service MODIFIED\n"), run.out());

    CliRun json = cli("drift", "--name", "drifted1", "--yes", "--output", "json");
    assertEquals(ExitCodes.CHANGES, json.exitCode(), json.toString());
    JsonNode report = JSON.readTree(json.out());
    assertEquals("drifted1", report.get("deployment").asText());
    JsonNode image = report.get("resources").get(1).get("differences").get(0);
    assertEquals("image", image.get("path").asText());
    assertEquals("repo/mcp:1", image.get("expected").asText());
    assertEquals("repo/mcp:2", image.get("actual").asText());
    assertEquals("NOT_EQUAL", image.get("kind").asText());
  }

  @Test
  void withoutHeal_theCredentialsAreNeitherAskedForNorSent() throws Exception {
    Files.writeString(dir.resolve(".env"), "ECS_CLUSTER_NAME=mine\n");
    ScriptedPrompter terminal = new ScriptedPrompter();

    CliRun run = cli(terminal, "drift", "--name", "nocreds", "--yes");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertEquals(List.of(), terminal.asked);
    assertEquals(List.of(), terminal.askedSecretly);
    DriftRequest sent = checks(DriftIds.checkId(new DeploymentKey("us-east-1", "nocreds"))).get(0);
    assertNull(sent.deploy().credentials());
    assertFalse(sent.heal());
    assertNull(sent.every());
    assertEquals("mine", sent.deploy().names().cluster(), "deploy's settings are read as deploy reads them");
    assertEquals(CliRun.FAKE_ACCOUNT, sent.deploy().expectedAccount());
    assertFalse(run.err().contains("seal key"), run.err());
  }

  @Test
  void heal_needsTheCredentialsAsDeployDoes() throws Exception {
    Files.writeString(dir.resolve(".env"), "");
    CliRun missing = cli("drift", "--name", "drifted2", "--yes", "--heal");
    assertEquals(ExitCodes.BAD_INPUT, missing.exitCode(), missing.toString());
    assertTrue(missing.errorLines().get(0).startsWith("error: missing Zscaler credentials ZSCALER_CLIENT_ID"), missing.err());

    Files.writeString(dir.resolve(".env"), CREDENTIALS);
    CliRun healed = cli("drift", "--name", "drifted2", "--yes", "--heal");
    assertEquals(ExitCodes.OK, healed.exitCode(), healed.toString());
    assertTrue(healed.out().contains("Heal: deploy harness-deployer/us-east-1/drifted2 (run run-1) succeeded\n"
        + "  secret CREATED\n  service UPDATED\nAfter the heal:\n"), healed.out());
    assertTrue(healed.out().endsWith("HEALED: secret DELETED, service MODIFIED\n"), healed.out());
    DriftRequest sent = checks(DriftIds.checkId(new DeploymentKey("us-east-1", "drifted2"))).get(0);
    assertTrue(sent.heal());
    assertNotNull(sent.deploy().credentials(), "sealed for the heal");
  }

  @Test
  void aFailedHealOrCheckExitsOne() {
    CliRun heal = cli("drift", "--name", "healfail", "--yes", "--heal");
    assertEquals(ExitCodes.FAILED, heal.exitCode(), heal.toString());
    assertTrue(heal.out().contains("failed: harness: AccessDenied"), heal.out());
    assertTrue(heal.out().endsWith("HEAL_FAILED: secret DELETED, service MODIFIED\n"), heal.out());

    CliRun broken = cli("drift", "--name", "broken", "--yes");
    assertEquals(ExitCodes.FAILED, broken.exitCode(), broken.toString());
    assertEquals(1, broken.errorLines().size(), broken.toString());
    assertTrue(broken.errorLines().get(0).startsWith("error: the drift check of us-east-1/broken ended FAILED:"
        + " describe of the harness failed: AccessDenied (workflow harness-deployer/us-east-1/broken/drift, run "),
        broken.err());
    assertEquals("", broken.out());
  }

  // ---- schedules: the timer-loop fallback, for real on the test server

  @Test
  void schedule_onTheTestServer_runsALoopOnItsPeriodUntilUnscheduled() throws Exception {
    String id = loopId("loop1");
    CliRun run = cli("drift", "schedule", "--every", "6h", "--name", "loop1", "--yes");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    List<String> fallback = run.err().lines().filter(l -> l.contains("no Schedules")).toList();
    assertEquals(List.of("[INFO] this Temporal server has no Schedules (local test server): checking every 6h in"
        + " workflow " + id + " instead"), fallback);
    assertTrue(run.out().startsWith("Drift checks of us-east-1/loop1 every 6h: loop " + id + " started (run "), run.out());

    env.sleep(Duration.ofMinutes(1));
    assertEquals(1, checks(id).size(), "the first check runs at once");
    env.sleep(Duration.ofHours(6));
    assertEquals(2, checks(id).size(), "then one per period");
    env.sleep(Duration.ofHours(6));
    assertEquals(3, checks(id).size());
    DriftRequest sent = checks(id).get(2);
    assertEquals(Duration.ofHours(6), sent.every());
    assertFalse(sent.heal());
    assertNull(sent.deploy().credentials(), "a loop without heal carries no credentials");

    CliRun list = cli("drift", "schedules", "--output", "json");
    assertEquals(ExitCodes.OK, list.exitCode(), list.toString());
    JsonNode mine = find(JSON.readTree(list.out()), id);
    assertEquals("us-east-1/loop1", mine.get("deployment").asText());
    assertEquals("loop", mine.get("mechanism").asText());
    assertEquals("6h", mine.get("every").asText());
    assertFalse(mine.get("heal").asBoolean());

    CliRun stop = cli("drift", "unschedule", "--name", "loop1");
    assertEquals(ExitCodes.OK, stop.exitCode(), stop.toString());
    assertTrue(stop.out().startsWith("Asked the check loop " + id + " (run "), stop.out());
    assertTrue(stop.out().endsWith(") to stop after its check in progress (drift checks of us-east-1/loop1)\n"), stop.out());
    DriftReport last = env.getWorkflowClient().newUntypedWorkflowStub(id).getResult(DriftReport.class);
    assertEquals("IN_SYNC", last.verdict());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, status(id));
    env.sleep(Duration.ofHours(13));
    assertEquals(3, checks(id).size(), "no check after unschedule");
    assertTrue(find(JSON.readTree(cli("drift", "schedules", "--output", "json").out()), id) == null);
  }

  @Test
  void scheduleAgain_replacesTheLoopWithTheNewPeriodAndHeal() {
    String id = loopId("loop2");
    assertEquals(ExitCodes.OK, cli("drift", "schedule", "--every", "6h", "--name", "loop2", "--yes").exitCode());
    String firstRun = env.getWorkflowClient().newUntypedWorkflowStub(id).describe().getExecution().getRunId();

    CliRun again = cli("drift", "schedule", "--every", "30m", "--heal", "--name", "loop2", "--yes");

    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertTrue(again.err().contains("checking every 30m in workflow " + id + " instead (it replaces the loop that ran"
        + " there)"), again.err());
    assertTrue(again.out().startsWith("Drift checks of us-east-1/loop2 every 30m, healing drift: loop " + id
        + " replaced"), again.out());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
        env.getWorkflowClient().newUntypedWorkflowStub(id, Optional.of(firstRun), Optional.empty()).describe().getStatus());
    env.sleep(Duration.ofMinutes(31));
    DriftRequest latest = checks(id).get(checks(id).size() - 1);
    assertEquals(Duration.ofMinutes(30), latest.every());
    assertTrue(latest.heal());
    assertNotNull(latest.deploy().credentials(), "a healing loop carries the sealed credentials");
    assertEquals(OnFailure.ROLLBACK, latest.deploy().onFailure(), "an unattended heal rolls back");
    assertEquals(ExitCodes.OK, cli("drift", "schedule", "--every", "30m", "--heal", "--on-failure", "pause",
        "--name", "loop2", "--yes").exitCode());
    env.sleep(Duration.ofMinutes(31));
    assertEquals(OnFailure.PAUSE, checks(id).get(checks(id).size() - 1).deploy().onFailure(), "unless told otherwise");
    assertEquals(ExitCodes.OK, cli("drift", "unschedule", "--name", "loop2").exitCode());
  }

  @Test
  void unschedule_withNothingScheduled_saysSoAndExitsZero() throws Exception {
    CliRun run = cli("drift", "unschedule", "--name", "never");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertEquals("No drift checks were scheduled for us-east-1/never\n", run.out());
    JsonNode json = JSON.readTree(cli("drift", "unschedule", "--name", "never", "--output", "json").out());
    assertFalse(json.get("scheduleDeleted").asBoolean());
    assertTrue(json.get("loopRunId").isNull());
  }

  @Test
  void badPeriods_areOneLineExitTwoBeforeAnyWorkflowCall() {
    for (String every : List.of("0s", "nonsense", "59s", "169h", "-1h", "")) {
      CliRun run = CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL),
          "drift", "schedule", "--every", every, "--name", "bad", "--yes");
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), every + ": " + run);
      assertEquals(1, run.err().lines().count(), every + ": " + run);
      assertTrue(run.err().startsWith("error: "), run.err());
    }
    CliRun before = CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL),
        "drift", "--heal", "schedule", "--every", "6h", "--name", "bad", "--yes");
    assertEquals(ExitCodes.BAD_INPUT, before.exitCode(), before.toString());
    assertEquals(List.of("error: put --heal after 'drift schedule': given before it, it would be ignored"),
        before.errorLines());
    CliRun none = CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL),
        "drift", "schedule", "--name", "bad", "--yes");
    assertEquals(ExitCodes.BAD_INPUT, none.exitCode(), none.toString());
    for (List<String> args : List.of(List.of("deploy", "--drift-every", "0s"), List.of("deploy", "--drift-heal"),
        List.of("deploy", "--drift-every", "6h", "--no-wait"))) {
      CliRun run = CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL),
          java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of("--yes")).toArray(String[]::new));
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), args + ": " + run);
      assertEquals(1, run.err().lines().filter(l -> l.startsWith("error: ")).count(), args + ": " + run);
    }
  }

  // ---- deploy --drift-every and destroy

  @Test
  void deployWithDriftEvery_schedulesAfterASuccessfulDeployOnly() {
    CliRun ok = cli("deploy", "--name", "withdrift", "--yes", "--drift-every", "6h");

    assertEquals(ExitCodes.OK, ok.exitCode(), ok.toString());
    assertTrue(ok.err().contains("[INFO] Drift checks of us-east-1/withdrift every 6h: loop " + loopId("withdrift")
        + " started"), ok.err());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status(loopId("withdrift")));
    assertTrue(ok.err().indexOf("no Schedules") > ok.err().indexOf("DONE"), "scheduled after the deploy: " + ok.err());
    assertEquals(ExitCodes.OK, cli("drift", "unschedule", "--name", "withdrift").exitCode());

    // rolled back rather than paused: a paused deploy has no timer, and time skipping would jump to its timeout
    CliRun failed = cli("deploy", "--name", "pausedrift", "--yes", "--drift-every", "6h", "--on-failure", "rollback");
    assertEquals(ExitCodes.FAILED, failed.exitCode(), failed.toString());
    assertFalse(failed.err().contains("no Schedules"), failed.err());
    assertTrue(checks(loopId("pausedrift")).isEmpty());
  }

  @Test
  void destroy_stopsTheLoopBeforeItStarts() {
    String id = loopId("gone");
    assertEquals(ExitCodes.OK, cli("drift", "schedule", "--every", "6h", "--heal", "--name", "gone", "--yes").exitCode());

    CliRun run = cli("destroy", "--name", "gone", "--yes");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    int stopped = run.err().indexOf("[INFO] before the destroy: stopped the check loop " + id);
    assertTrue(stopped >= 0, run.err());
    assertTrue(stopped < run.err().indexOf("[INFO] started the destroy of us-east-1/gone"), run.err());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, status(id));

    CliRun again = cli("destroy", "--name", "gone", "--yes");
    assertFalse(again.err().contains("before the destroy"), "nothing scheduled, nothing said: " + again.err());
  }

  // ---- plan

  @Test
  void plan_exitCodesAndTable() throws Exception {
    Files.writeString(dir.resolve(".env"), "");
    ScriptedPrompter terminal = new ScriptedPrompter();
    CliRun empty = cli(terminal, "plan", "--name", "emptyacct", "--yes");
    assertEquals(ExitCodes.CHANGES, empty.exitCode(), empty.toString());
    assertTrue(empty.out().contains("  create     secret               zscaler-mcp-harness/credentials\n"), empty.out());
    assertTrue(empty.out().endsWith("CHANGES: 3 create\n"), empty.out());
    assertEquals(List.of(), terminal.askedSecretly, "a plan needs no credentials");
    assertNull(FakePlan.REQUESTS.get("emptyacct").credentials());

    CliRun same = cli("plan", "--name", "same", "--yes");
    assertEquals(ExitCodes.OK, same.exitCode(), same.toString());
    assertTrue(same.out().endsWith("NO CHANGES: a deploy would write nothing\n"), same.out());

    CliRun changed = cli("plan", "--name", "changed", "--yes");
    assertEquals(ExitCodes.CHANGES, changed.exitCode(), changed.toString());
    assertTrue(changed.out().contains("  update     service              zscaler-mcp-server\n"
        + "      NOT_EQUAL  image: expected \"repo/mcp:2\", actual \"repo/mcp:1\"\n"), changed.out());

    CliRun conflict = cli("plan", "--name", "conflict", "--yes", "--output", "json");
    assertEquals(ExitCodes.FAILED, conflict.exitCode(), conflict.toString());
    JsonNode harness = JSON.readTree(conflict.out()).get("resources").get(2);
    assertEquals("CONFLICT", harness.get("action").asText());
    assertEquals("tagged for us-east-1/other", harness.get("reason").asText());
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    return null;
  }
}
