package io.harnessdeployer.client.adopt;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.ScriptedPrompter;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.client.temporal.TemporalConnector;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.adopt.AdoptRequest;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client adopt} through the real command line against the in-memory test server, with a
 * scripted stand-in for the adopt workflow ({@link FakeAdoptWorkflow}).
 */
class AdoptCommandTest {
  @TempDir Path dir;
  static TestWorkflowEnvironment env;

  /** A state file as the original tool writes it after an ecs deploy with custom names (spec §1.7). */
  static final String STATE = """
      {
        "region": "eu-west-1",
        "harness_id": "hrn-0123abcd",
        "harness_arn": "arn:aws:bedrock-agentcore:eu-west-1:111122223333:harness/hrn-0123abcd",
        "harness_name": "old_harness",
        "execution_role_arn": "arn:aws:iam::111122223333:role/old-harness-role",
        "role_name": "old-harness-role",
        "credential_provider_name": "old-creds",
        "mcp_host_kind": "ecs",
        "ecs_service_name": "old-service",
        "ecs_cluster_name": "zscaler-mcp-3fa9c1",
        "ecs_cluster_created_by_us": true,
        "ecs_execution_role_name": "old-task-role",
        "ecs_infrastructure_role_name": "old-infra-role",
        "ecs_log_group": "/ecs/old",
        "zscaler_secret_name": "old/credentials",
        "zscaler_secret_arn": null,
        "zscaler_secret_managed_externally": false,
        "state_partial": false
      }
      """;

  @BeforeAll
  static void startServer() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.DEPLOY);
    worker.registerWorkflowImplementationTypes(FakeAdoptWorkflow.class);
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
    CliRun run = cli(Prompter.NONE, CliRun.NO_TEMPORAL, "adopt", "--name", "nope");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(List.of("error: confirmation needed to tag the original tool's resources for us-east-1/nope, but"
        + " there is no terminal to ask on: pass --yes"), run.errorLines());
  }

  @Test
  void aBadStateFile_isOneLineAndExitTwo_beforeAnyWorkflowCall() throws Exception {
    Files.writeString(dir.resolve("broken.json"), "{ \"harness_name\": ");
    Files.writeString(dir.resolve("list.json"), "[1, 2]");
    Files.writeString(dir.resolve("typed.json"), "{\"ecs_cluster_name\": 7}");
    Files.writeString(dir.resolve("gateway.json"), "{\"topology\": \"gateway\"}");
    Files.writeString(dir.resolve("badname.json"), "{\"ecs_cluster_name\": \"has space\"}");
    Files.createDirectory(dir.resolve("adir"));
    Map<String, String> cases = Map.of(
        "broken.json", "error: --state-file 'broken.json' is unreadable or not JSON: ",
        "list.json", "error: --state-file 'list.json' is not a JSON object: not a state file of the original tool",
        "typed.json", "error: --state-file 'typed.json': ecs_cluster_name is not a string",
        "gateway.json", "error: --state-file 'gateway.json' is of a gateway deployment: adopt takes over ecs deployments only",
        "badname.json", "error: invalid ECS cluster name 'has space' (from --state-file 'badname.json' ecs_cluster_name)",
        "adir", "error: --state-file 'adir' is a directory: name the original tool's .aws-harness-state.json",
        "missing.json", "error: --state-file 'missing.json': no such file");
    cases.forEach((file, expected) -> {
      CliRun run = cli(Prompter.NONE, CliRun.NO_TEMPORAL, "adopt", "--yes", "--state-file", file);
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), file + ": " + run);
      assertEquals(1, run.errorLines().size(), run.toString());
      assertTrue(run.errorLines().get(0).startsWith(expected), file + ": " + run.errorLines());
      assertTrue(run.err().lines().count() == 1 && run.errorLines().get(0).length() <= 200, run.err());
      assertEquals("", run.out());
    });
  }

  @Test
  void theStateFilesNamesRegionAndHarnessId_areWhatTheWorkflowLooksFor() throws Exception {
    Files.writeString(dir.resolve(".aws-harness-state.json"), STATE);

    CliRun run = cli("adopt", "--name", "legacy_state", "--yes", "--state-file", ".aws-harness-state.json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    List<AdoptRequest> runs = startedWith(new DeploymentKey("eu-west-1", "legacy_state"));
    ResourceNames expected = new ResourceNames("old_harness", "old-harness-role", "old-creds", "zscaler-mcp-3fa9c1",
        "old-service", "old-task-role", "old-infra-role", "/ecs/old", "old/credentials");
    AdoptRequest plan = AdoptRequest.plan("legacy_state", "eu-west-1", expected, "hrn-0123abcd", null, true);
    assertEquals(plan, runs.get(0), "the plan run");
    assertEquals(plan.applying(runs.get(1).confirmed()), runs.get(1), "the apply run, with the plan confirmed");
    assertEquals(9, runs.get(1).confirmed().size());
    assertTrue(run.out().contains("  harness          old_harness (id hrn-0123abcd)  tagged "), run.out());
    assertTrue(run.out().contains("Note: deploy and destroy find these names only with: --name legacy_state --region"
        + " eu-west-1 --harness-name old_harness --role-name old-harness-role"), run.out());
  }

  @Test
  void aNameFlagOrRegionThatDisagreesWithTheStateFile_isBadInput() throws Exception {
    Files.writeString(dir.resolve("state.json"), STATE);

    CliRun flag = cli(Prompter.NONE, CliRun.NO_TEMPORAL, "adopt", "--yes", "--state-file", "state.json",
        "--ecs-cluster-name", "zscaler-mcp");
    assertEquals(ExitCodes.BAD_INPUT, flag.exitCode(), flag.toString());
    assertEquals(List.of("error: --ecs-cluster-name 'zscaler-mcp' disagrees with --state-file 'state.json', whose"
        + " ecs_cluster_name is 'zscaler-mcp-3fa9c1': drop the flag"), flag.errorLines());

    CliRun region = cli(Prompter.NONE, CliRun.NO_TEMPORAL, "adopt", "--yes", "--state-file", "state.json",
        "--region", "us-east-1");
    assertEquals(ExitCodes.BAD_INPUT, region.exitCode(), region.toString());
    assertEquals(List.of("error: region 'us-east-1' (from --region) disagrees with --state-file 'state.json', which"
        + " is of region 'eu-west-1': drop one"), region.errorLines());
  }

  @Test
  void anExternalHostAndABringYourOwnSecret_inTheStateFile_leaveOutEcsAndTheSecret() throws Exception {
    Files.writeString(dir.resolve("ext.json"), """
        {"region": "us-east-1", "harness_name": "ext_harness", "mcp_host_kind": "external",
         "zscaler_secret_name": "team/own", "zscaler_secret_managed_externally": true}
        """);

    CliRun run = cli("adopt", "--name", "legacy_ext", "--yes", "--state-file", "ext.json", "--output", "json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    AdoptRequest plan = startedWith(new DeploymentKey("us-east-1", "legacy_ext")).get(0);
    assertFalse(plan.ecsHost());
    assertEquals("team/own", plan.byoSecretId());
    assertEquals(ResourceNames.defaults().secret(), plan.names().secret(), "the operator's secret is not ours to name");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("ADOPTED", json.get("status").asText());
    assertEquals(3, json.get("resources").size());
  }

  @Test
  void onATerminal_thePlanIsShownAndAsked_andNoDeclinesWithNothingTagged() {
    ScriptedPrompter no = new ScriptedPrompter("n");
    CliRun declined = cli(no, temporal(), "adopt", "--name", "legacy_no");

    assertEquals(ExitCodes.FAILED, declined.exitCode(), declined.toString());
    assertEquals(List.of("Tag these 9 resource(s) for us-east-1/legacy_no? [y/N]: "), no.asked);
    assertTrue(declined.err().contains("Adopt plan for us-east-1/legacy_no: 9 resource(s) of the original tool to tag;"
        + " no configuration is changed"), declined.err());
    assertTrue(declined.err().lines().anyMatch(l -> l.matches(
        "  ecs-service +zscaler-mcp-server +tag +found untagged: will tag for us-east-1/legacy_no")),
        declined.err());
    assertEquals(List.of("error: cancelled; nothing was done"), declined.errorLines());
    assertEquals(1, startedWith(new DeploymentKey("us-east-1", "legacy_no")).size(), "only the plan ran");

    ScriptedPrompter yes = new ScriptedPrompter("y");
    CliRun confirmed = cli(yes, temporal(), "adopt", "--name", "legacy_yes");
    assertEquals(ExitCodes.OK, confirmed.exitCode(), confirmed.toString());
    assertTrue(confirmed.out().startsWith("Adopted 9 resource(s) for us-east-1/legacy_yes: deploy, status and destroy"
        + " now treat them as ours\n"), confirmed.out());
  }

  @Test
  void aRefusal_exitsOne_namesTheOwner_andRunsNoApply() {
    CliRun run = cli("adopt", "--name", "refuse_one", "--yes");

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Adopt of us-east-1/refuse_one refused: 1 resource(s) belong to another deployment;"
        + " nothing was tagged."), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches(
        "  ecs-service +zscaler-mcp-server +REFUSED +belongs to deployment us-east-1/other: refused")), run.out());
    assertEquals(1, startedWith(new DeploymentKey("us-east-1", "refuse_one")).size(), "no apply run");
  }

  @Test
  void everythingAlreadyOurs_tagsNothing_andExitsZero() {
    CliRun run = cli("adopt", "--name", "ours_all", "--yes");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Nothing to tag for us-east-1/ours_all"), run.out());
    assertEquals(1, startedWith(new DeploymentKey("us-east-1", "ours_all")).size(), "no apply run");
  }

  @Test
  void aRequestTheWorkflowRejects_exitsOne_withItsReason() {
    CliRun run = cli("adopt", "--name", "invalid_one", "--yes");

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertEquals(1, run.errorLines().size(), run.toString());
    assertTrue(run.errorLines().get(0).startsWith("error: the adopt of us-east-1/invalid_one ended FAILED:"
        + " Validation: rejected by the workflow (workflow harness-deployer/us-east-1/invalid_one, run "), run.toString());
  }

  private static List<AdoptRequest> startedWith(DeploymentKey key) {
    return FakeAdoptWorkflow.startedWith(key);
  }
}
