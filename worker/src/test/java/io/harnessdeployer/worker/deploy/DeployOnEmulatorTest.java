package io.harnessdeployer.worker.deploy;

import static io.harnessdeployer.worker.deploy.ExpectedResources.expectedResources;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AccessType;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

/** Whole deploys of the ecs topology, real activities against the emulator: what the cloud holds after. */
class DeployOnEmulatorTest extends EmulatorDeployTest {
  static final ResourceNames N = ResourceNames.defaults();
  static final CloudResource HARNESS = new CloudResource("bedrock-agentcore-control", "harness", N.harness());
  static final CloudResource PROVIDER =
      new CloudResource("bedrock-agentcore-control", "apikey-credential-provider", N.apiKeyProvider());
  static final CloudResource CLUSTER = new CloudResource("ecs", "cluster", N.cluster());

  @Test
  void firstDeploy_createsExactlyTheExpectedResources_eachCreateCalledOnce() {
    Instant start = AWS.clock.instant();
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(req);
    DeploySummary summary = wf.deploy(req);

    Duration emulatorTime = Duration.between(start, AWS.clock.instant());
    assertTrue(emulatorTime.compareTo(Duration.ofSeconds(1)) < 0, "instant lifecycles, no idle polls: " + emulatorTime);

    assertLive(expectedResources());
    assertEquals(ExpectedResources.createCalls(), CONTROL.createCalls());
    assertEquals("READY", CONTROL.statuses().get(HARNESS));

    String harnessArn = CONTROL.arn(HARNESS);
    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertEquals("us-east-1/" + DEPLOYMENT, summary.deployment());
    assertEquals(harnessArn, summary.harnessArn());
    assertEquals(harnessArn.substring(harnessArn.lastIndexOf('/') + 1), summary.harnessId());
    assertEquals("READY", summary.harnessStatus());
    assertEquals(CONTROL.arn(PROVIDER), summary.providerArn());
    assertEquals(CONTROL.arn(ExpectedResources.role(N.harnessRole())), summary.harnessRoleArn());
    assertEquals(CONTROL.arn(ExpectedResources.role(N.taskExecutionRole())), summary.taskExecutionRoleArn());
    assertEquals(CONTROL.arn(ExpectedResources.role(N.infrastructureRole())), summary.infrastructureRoleArn());
    assertEquals(CONTROL.arn(ExpectedResources.secret(N.secret())), summary.secretArn());
    assertEquals(CONTROL.arn(new CloudResource("ecs", "express-service", N.service())), summary.serviceArn());
    assertTrue(summary.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED), summary.resources()::toString);
    assertEquals(9, summary.resources().size());

    ECSExpressGatewayService service = describeService(summary.serviceArn());
    String host = host(service);
    assertEquals("https://" + host + Names.MCP_PATH, summary.mcpUrl());
    Map<String, String> env = environment(service);
    assertEquals(host + "," + String.join(",", Names.ALLOWED_HOSTS_LOCAL), env.get(Names.ENV_ALLOWED_HOSTS));
    assertEquals("false", env.get("ZSCALER_MCP_WRITE_ENABLED"));
    assertEquals("true", env.get("ZSCALER_MCP_ALLOW_HTTP"));
    assertFalse(env.containsKey(Names.KEY_CLIENT_SECRET), "managed mode: the secret comes from Secrets Manager");
    assertEquals(200, CONTROL.getHosted(host, Names.HEALTH_CHECK_PATH));
    assertEquals(StepStatus.DONE, step(wf.progress(), "service-rollout").status(), "waited for the host rollout");
    long update = (Integer) CONTROL.requests("ecs", "UpdateExpressGatewayService").get(0).get("seq");
    assertTrue(CONTROL.requests("ecs", "DescribeExpressGatewayService").stream()
        .anyMatch(r -> (Integer) r.get("seq") > update), "the rollout was polled after the update");
  }

  @Test
  void rerunOfAFinishedDeploy_adoptsEverything_createsNothing_changesNothing() {
    DeployRequest req = request().build();
    deploy(req);
    Map<CloudResource, String> before = CONTROL.statuses();
    Map<String, Integer> callsBefore = CONTROL.callCounts();
    Map<String, Map<String, String>> tagsBefore = tags(before.keySet());

    DeploySummary rerun = deploy(req);

    // the provider's key cannot be read back, so a rerun writes the current one (spec §2 step 9)
    assertEquals(Map.of("bedrock-agentcore-control.UpdateApiKeyCredentialProvider", 1),
        writes(delta(callsBefore, CONTROL.callCounts())), "no Create* (or other write) in the second run");
    assertHoldsExactly(before);
    assertEquals(tagsBefore, tags(before.keySet()), "the rerun rewrote no tag, run tags included");
    Map<String, Outcome> outcomes = new HashMap<>();
    rerun.resources().forEach(r -> outcomes.put(r.step(), r.outcome()));
    Map<String, Outcome> expected = new HashMap<>();
    List.of("secret", "task-execution-role", "infrastructure-role", "cluster", "log-group", "service",
        "harness-role", "harness").forEach(s -> expected.put(s, Outcome.ADOPTED));
    expected.put("credential-provider", Outcome.UPDATED);
    assertEquals(expected, outcomes);
    assertEquals(rerun.harnessArn(), CONTROL.arn(HARNESS));
  }

  @Test
  void deployAfterARolledBackOne_restoresTheSecret_andCreatesTheRestAgain() {
    FAULTS.arm(StepFaultTable.firstCallOf("harness-ready"));
    assertRolledBack(request().onFailure(OnFailure.ROLLBACK).build());

    DeploySummary summary = deploy(request().build());

    assertLive(expectedResources(N, SecretMode.MANAGED, 3)); // ECS numbers revisions on across deletes
    Map<String, Outcome> outcomes = new HashMap<>();
    summary.resources().forEach(r -> outcomes.put(r.step(), r.outcome()));
    assertEquals(Outcome.RESTORED, outcomes.remove("secret"), "taken back out of its recovery window");
    assertTrue(outcomes.values().stream().allMatch(o -> o == Outcome.CREATED), outcomes::toString);
    assertEquals("READY", CONTROL.statuses().get(HARNESS));
  }

  @Test
  void plaintextMode_noSecretAnywhere_credentialsInTheContainerEnv() {
    DeploySummary summary = deploy(request().secretMode(SecretMode.PLAINTEXT).build());

    assertLive(expectedResources(N, SecretMode.PLAINTEXT));
    assertTrue(CONTROL.callCounts().keySet().stream().noneMatch(k -> k.startsWith("secretsmanager.")),
        CONTROL.callCounts()::toString);
    assertNull(summary.secretArn());
    assertEquals(List.of(Names.POLICY_CROSS_ACCOUNT_ECR_PULL), AWS.clients.iam()
        .listRolePolicies(r -> r.roleName(N.taskExecutionRole())).policyNames(), "no ReadZscalerSecrets");
    Map<String, String> env = environment(describeService(summary.serviceArn()));
    assertEquals(EmulatedAws.CLIENT_ID, env.get(Names.KEY_CLIENT_ID));
    assertEquals(EmulatedAws.CLIENT_SECRET, env.get(Names.KEY_CLIENT_SECRET));
    assertTrue(env.get(Names.ENV_ALLOWED_HOSTS).startsWith(host(describeService(summary.serviceArn()))));
  }

  @Test
  void bringYourOwnSecret_isReadNeverWritten() {
    String byoArn = byoSecret();
    DeploySummary summary = deploy(request().secretMode(SecretMode.BRING_YOUR_OWN).byoSecretId("team/zscaler").build());

    Set<CloudResource> expected = new LinkedHashSet<>(expectedResources(N, SecretMode.BRING_YOUR_OWN));
    expected.add(ExpectedResources.secret("team/zscaler"));
    assertLive(expected);
    assertEquals(byoArn, summary.secretArn());
    assertEquals(Outcome.ADOPTED, outcome(summary, "secret"));
    assertEquals(Map.of(), CONTROL.tags(ExpectedResources.secret("team/zscaler")), "never tagged");
    assertEquals(0, CONTROL.requests("secretsmanager", "PutSecretValue").size());
    assertEquals(byoArn, environmentSecretArn(describeService(summary.serviceArn())));
  }

  @Test
  void bringYourOwnSecret_survivesARollback() {
    byoSecret();
    FAULTS.arm(StepFaultTable.firstCallOf("harness"));
    DeployRequest req = request().secretMode(SecretMode.BRING_YOUR_OWN).byoSecretId("team/zscaler")
        .onFailure(OnFailure.ROLLBACK).build();

    assertRolledBack(req);
    assertLive(Set.of(ExpectedResources.secret("team/zscaler")));
    assertEquals(0, CONTROL.requests("secretsmanager", "DeleteSecret").size());
  }

  @Test
  void preExistingCluster_isAdopted_andSurvivesARollback() {
    AWS.clients.ecs(EmulatedAws.REGION).createCluster(r -> r.clusterName(N.cluster()));
    FAULTS.arm(StepFaultTable.firstCallOf("harness-ready"));
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();

    DeployProgress progress = assertRolledBack(req);

    assertEquals(Outcome.ADOPTED, step(progress, "cluster").outcome());
    assertNull(step(progress, "cluster").compensation(), "an adopted cluster is never compensated");
    assertLive(Set.of(CLUSTER));
    assertEquals(Map.of(), CONTROL.tags(CLUSTER), "not tagged as ours by the adoption");
    assertEquals(0, CONTROL.requests("ecs", "DeleteCluster").size());
  }

  private DeployProgress assertRolledBack(DeployRequest req) {
    DeployWorkflow wf = stub(req);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));
    assertEquals(FailureTypes.ROLLED_BACK, ((ApplicationFailure) e.getCause()).getType(), e.getCause().getMessage());
    assertTrue(FAULTS.fired());
    DeployProgress progress = wf.progress();
    assertEquals(DeployStatus.ROLLED_BACK, progress.status());
    assertEquals(StepStatus.COMPENSATED, step(progress, "service").status());
    return progress;
  }

  private static String byoSecret() {
    return AWS.clients.secrets(EmulatedAws.REGION).createSecret(r -> r.name("team/zscaler").secretString(
        "{\"ZSCALER_CLIENT_ID\":\"byo-id\",\"ZSCALER_CLIENT_SECRET\":\"byo-secret\",\"ZSCALER_CUSTOMER_ID\":\"9\"}"))
        .arn();
  }

  private static Outcome outcome(DeploySummary summary, String step) {
    return summary.resources().stream().filter(r -> r.step().equals(step)).map(ResourceOutcome::outcome)
        .findFirst().orElseThrow();
  }

  private static ECSExpressGatewayService describeService(String arn) {
    return AWS.clients.ecs(EmulatedAws.REGION).describeExpressGatewayService(r -> r.serviceArn(arn)).service();
  }

  /** The environment of the configuration that serves (the last active one). */
  private static Map<String, String> environment(ECSExpressGatewayService service) {
    var configs = service.activeConfigurations();
    Map<String, String> env = new HashMap<>();
    for (KeyValuePair kv : configs.get(configs.size() - 1).primaryContainer().environment()) {
      env.put(kv.name(), kv.value());
    }
    return env;
  }

  private static String environmentSecretArn(ECSExpressGatewayService service) {
    var configs = service.activeConfigurations();
    String from = configs.get(configs.size() - 1).primaryContainer().secrets().get(0).valueFrom();
    return from.substring(0, from.indexOf(":" + Names.KEY_CLIENT_ID));
  }

  private static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
    Map<String, Integer> out = new HashMap<>();
    after.forEach((k, v) -> {
      int d = v - before.getOrDefault(k, 0);
      if (d != 0) {
        out.put(k, d);
      }
    });
    return out;
  }

  /** The calls that change something: Create, Update, Put, Attach, Tag, Delete, ... */
  private static Map<String, Integer> writes(Map<String, Integer> calls) {
    Map<String, Integer> out = new HashMap<>(calls);
    out.keySet().removeIf(k -> k.matches(".*\\.(Get|Describe|List|BatchGet)\\w*") || k.startsWith("mcp."));
    return out;
  }

  /** The host of the Express service's PUBLIC endpoint. */
  private static String host(ECSExpressGatewayService service) {
    var configs = service.activeConfigurations();
    return configs.get(configs.size() - 1).ingressPaths().stream()
        .filter(p -> p.accessType() == AccessType.PUBLIC).map(p -> ContainerEnv.hostOf(p.endpoint()))
        .findFirst().orElseThrow();
  }

  private static Map<String, Map<String, String>> tags(Set<CloudResource> resources) {
    Map<String, Map<String, String>> out = new HashMap<>();
    resources.stream().filter(r -> !"task-definition".equals(r.type()))
        .forEach(r -> out.put(r.toString(), CONTROL.tags(r)));
    return out;
  }
}
