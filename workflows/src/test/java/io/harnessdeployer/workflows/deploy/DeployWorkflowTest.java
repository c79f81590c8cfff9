package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes.Builder;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

class DeployWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();

  private final FakeAws aws = new FakeAws();
  private WorkflowClient client;
  private WorkflowOptions options;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    this.env = env;
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  private DeploySummary deploy(DeployRequest req) {
    return stub(client, options, req).deploy(req);
  }

  @Test
  void firstDeploy_ensuresEveryResourceOnce_afterWhatItNeeds_independentOnesAtOnce() {
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    DeploySummary summary = wf.deploy(req);

    assertEquals(Set.of(
        "callerIdentity:123456789012", "checkOwnership:preflight", "checkImageArchitecture:image",
        "ensureSecret:zscaler-mcp-harness/credentials",
        "ensureTaskExecutionRole:zscaler-mcp-ecs-task-execution-role",
        "ensureInfrastructureRole:zscaler-mcp-ecs-infrastructure-role",
        "ensureCluster:zscaler-mcp", "ensureLogGroup:/ecs/zscaler-mcp",
        "ensureService:zscaler-mcp-server", "awaitServiceActive:service",
        "awaitServiceRollout:service",
        "awaitHealthy:health", "ensureApiKeyProvider:zscaler-mcp-creds",
        "ensureHarnessRole:zscaler-mcp-harness-execution-role", "ensureHarness:zscaler_mcp_harness",
        "awaitHarnessReady:harness"), Set.copyOf(aws.calls));
    assertEquals(17, aws.calls.size(), "each once, ensureService twice: " + aws.calls);
    assertEquals("checkOwnership:preflight", aws.calls.get(1), "right after who we are, before any ensure");
    assertEquals(List.of(
        new OwnershipClaim(ResourceKind.SECRET, "zscaler-mcp-harness/credentials"),
        new OwnershipClaim(ResourceKind.TASK_EXECUTION_ROLE, "zscaler-mcp-ecs-task-execution-role"),
        new OwnershipClaim(ResourceKind.INFRASTRUCTURE_ROLE, "zscaler-mcp-ecs-infrastructure-role"),
        new OwnershipClaim(ResourceKind.CLUSTER, "zscaler-mcp"),
        new OwnershipClaim(ResourceKind.LOG_GROUP, "/ecs/zscaler-mcp"),
        new OwnershipClaim(ResourceKind.SERVICE, "zscaler-mcp-server", "zscaler-mcp"),
        new OwnershipClaim(ResourceKind.API_KEY_PROVIDER, "zscaler-mcp-creds"),
        new OwnershipClaim(ResourceKind.HARNESS_ROLE, "zscaler-mcp-harness-execution-role"),
        new OwnershipClaim(ResourceKind.HARNESS, "zscaler_mcp_harness")), ownershipClaims(),
        "every resource node of the graph, none of the checks or the task definitions");
    EcsGraphOrder.assertDependencyOrder(List.copyOf(aws.stepCalls), false);
    // what needs only the preflight starts at the same moment
    DeployProgress progress = wf.progress();
    long start = step(progress, "secret").startedAt();
    for (String id : List.of("infrastructure-role", "cluster", "log-group", "credential-provider", "harness-role")) {
      assertEquals(start, step(progress, id).startedAt(), id);
    }

    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertEquals("us-east-1/dev", summary.deployment());
    assertEquals("zscaler_mcp_harness-AbCdE12345", summary.harnessId());
    assertEquals("READY", summary.harnessStatus());
    assertEquals("https://" + FakeAws.ENDPOINT + "/mcp", summary.mcpUrl());
    assertEquals("ECS Express — zscaler-mcp-server (cluster: zscaler-mcp)", summary.host());
    assertEquals("arn:aws:iam::123456789012:role/zscaler-mcp-harness-execution-role", summary.harnessRoleArn());
    assertTrue(summary.providerArn().endsWith("apikeycredentialprovider/zscaler-mcp-creds"));
    assertEquals("zscaler-mcp-harness/credentials", summary.secretName());
    assertEquals(SecretMode.MANAGED, summary.secretMode());
    assertEquals("https://us-east-1.console.aws.amazon.com/bedrock-agentcore/home?region=us-east-1"
        + "#/harnesses/zscaler_mcp_harness-AbCdE12345", summary.consoleUrl());
    assertEquals(List.of("secret", "task-execution-role", "infrastructure-role", "cluster", "log-group",
            "service", "credential-provider", "harness-role", "harness"),
        summary.resources().stream().map(ResourceOutcome::step).toList());
    assertTrue(summary.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED));
  }

  @Test
  void serviceSpecs_carryTheSeedEnvAndTheEndpointHostOnTheSecondRollout() {
    deploy(request().build());
    ArgumentCaptor<ServiceSpec> specs = ArgumentCaptor.forClass(ServiceSpec.class);
    Mockito.verify(aws.ecs, Mockito.times(2)).ensureService(specs.capture());
    ServiceSpec first = specs.getAllValues().get(0);
    ServiceSpec second = specs.getAllValues().get(1);

    assertNull(first.allowedHost());
    assertEquals(FakeAws.ENDPOINT, second.allowedHost());
    assertEquals(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false", "ZSCALER_MCP_TRANSPORT", "streamable-http",
        "ZSCALER_MCP_HOST", "0.0.0.0", "ZSCALER_MCP_PORT", "8000", "ZSCALER_MCP_ALLOW_HTTP", "true"),
        first.environment());
    assertEquals(List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET"), first.secretKeys());
    assertTrue(first.secretArn().startsWith("arn:aws:secretsmanager:"));
    assertNull(first.plaintextCredentials(), "managed mode never hands credentials to ECS");
    assertEquals("arn:aws:iam::123456789012:role/zscaler-mcp-ecs-task-execution-role", first.executionRoleArn());
    assertEquals("/ecs/zscaler-mcp", first.logGroup());

    ArgumentCaptor<HarnessSpec> harness = ArgumentCaptor.forClass(HarnessSpec.class);
    Mockito.verify(aws.agentCore).ensureHarness(harness.capture());
    assertEquals("https://" + FakeAws.ENDPOINT + "/mcp", harness.getValue().mcpUrl());
    assertEquals(36, harness.getValue().clientToken().length());
  }

  @Test
  void progress_reportsEveryStepWithTimesAttemptsAndResources() {
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    wf.deploy(req);
    DeployProgress progress = wf.progress();

    assertEquals(DeployStatus.SUCCEEDED, progress.status());
    assertEquals("us-east-1/dev", progress.deployment());
    assertEquals(15, progress.steps().size());
    for (StepState s : progress.steps()) {
      assertEquals(StepStatus.DONE, s.status(), s.id());
      assertEquals(1, s.attempts(), s.id());
      assertNotNull(s.startedAt(), s.id());
      assertTrue(s.endedAt() >= s.startedAt(), s.id());
      assertNull(s.lastError(), s.id());
    }
    StepState role = step(progress, "task-execution-role");
    assertEquals("arn:aws:iam::123456789012:role/zscaler-mcp-ecs-task-execution-role", role.resourceId());
    assertEquals(Outcome.CREATED, role.outcome());
    // no fixed wait for IAM propagation after a create: whatever assumes the role retries instead
    assertTrue(role.endedAt() - role.startedAt() < 10_000, role.toString());
    assertEquals(FakeAws.ENDPOINT, step(progress, "service-active").resourceId());
    assertTrue(progress.compensationFailures().isEmpty());
  }

  @Test
  void visibility_searchAttributesCurrentDetailsAndActivitySummaries() {
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    wf.deploy(req);
    WorkflowStub untyped = WorkflowStub.fromTyped(wf);

    io.temporal.common.SearchAttributes sa = untyped.describe().getTypedSearchAttributes();
    assertEquals("dev", sa.get(SearchAttributes.DEPLOYMENT));
    assertEquals("us-east-1", sa.get(SearchAttributes.REGION));
    assertEquals("ecs", sa.get(SearchAttributes.TOPOLOGY));
    assertEquals("harness-ready", sa.get(SearchAttributes.STEP));
    assertEquals("SUCCEEDED", sa.get(SearchAttributes.STATUS));

    String details = untyped.query("__temporal_workflow_metadata",
        io.temporal.api.sdk.v1.WorkflowMetadata.class).getCurrentDetails();
    assertTrue(details.startsWith("**Deploy us-east-1/dev**: SUCCEEDED"), details);
    assertTrue(details.contains("| 5 | ECS cluster zscaler-mcp | DONE | zscaler-mcp | CREATED |"), details);

    List<String> summaries = client.fetchHistory(req.key().workflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(DeployWorkflowTest::summary).toList();
    assertEquals(19, summaries.size(), "17, and the two gateway-topology roles the topology check looks for");
    assertTrue(summaries.contains("preflight: ownership of 9 resources"), summaries.toString());
    assertTrue(summaries.contains("preflight: describe IAM role zscaler-mcp-harness-runtime-role"), summaries.toString());
    assertTrue(summaries.contains("cluster: ensure ECS cluster zscaler-mcp"), summaries.toString());
    assertTrue(summaries.contains("service-active: wait for zscaler-mcp-server ACTIVE"), summaries.toString());
    long timers = client.fetchHistory(req.key().workflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED).count();
    assertEquals(0, timers, "no fixed sleep anywhere");
  }

  @Test
  void aFullDeploy_keepsItsHistorySmall() {
    DeployRequest req = request().build();
    deploy(req);
    int events = client.fetchHistory(req.key().workflowId()).getEvents().size();
    assertTrue(events <= 150, events + " history events");
  }

  @Test
  void rerun_adoptsEverything_noRolloutNoPropagationWait() {
    aws.outcome = Outcome.ADOPTED;
    aws.hostMergeOutcome = Outcome.ADOPTED;
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    DeploySummary summary = wf.deploy(req);

    assertTrue(summary.resources().stream().allMatch(r -> r.outcome() == Outcome.ADOPTED));
    assertEquals(StepStatus.SKIPPED, step(wf.progress(), "service-rollout").status());
    assertTrue(aws.callsStartingWith("awaitServiceRollout").isEmpty());
    assertTrue(aws.callsStartingWith("delete").isEmpty());
    assertEquals(List.of("resource-graph", "ownership-preflight", "topology-preflight"), versionMarkers(req),
        "nothing rotated: no credential-rotation marker");
    assertEquals(0, client.fetchHistory(req.key().workflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED).count());
  }

  @Test
  void rerunWithRotatedCredentials_rollsTheServiceForTheNewSecretVersion_summarySaysRotated() {
    aws.outcome = Outcome.ADOPTED;
    aws.hostMergeOutcome = Outcome.ADOPTED;
    aws.rotatedKeys = List.of("ZSCALER_CLIENT_SECRET");
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    DeploySummary summary = wf.deploy(req);

    ArgumentCaptor<ServiceSpec> service = ArgumentCaptor.forClass(ServiceSpec.class);
    Mockito.verify(aws.ecs, Mockito.times(2)).ensureService(service.capture());
    assertTrue(service.getAllValues().get(0).secretRotated(), "the first ensure rolls for the new version");
    assertFalse(service.getAllValues().get(1).secretRotated(), "the host merge does not roll again");
    assertEquals(List.of("awaitServiceRollout:service"), aws.callsStartingWith("awaitServiceRollout"),
        "the service step waits for the rollout, not for mere activation");
    assertTrue(aws.callsStartingWith("awaitServiceActive").isEmpty());
    Map<String, Boolean> rotated = new java.util.HashMap<>();
    summary.resources().forEach(r -> rotated.put(r.step(), r.rotated()));
    assertEquals(Map.of("secret", true, "task-execution-role", false, "infrastructure-role", false,
        "cluster", false, "log-group", false, "service", true, "credential-provider", true,
        "harness-role", false, "harness", false), rotated);
    assertEquals(Outcome.UPDATED, summary.resources().stream().filter(r -> r.step().equals("secret"))
        .findFirst().orElseThrow().outcome());
    assertEquals(List.of("resource-graph", "ownership-preflight", "topology-preflight", "credential-rotation"),
        versionMarkers(req),
        "the new argument is versioned");
  }

  private List<String> versionMarkers(DeployRequest req) {
    return client.fetchHistory(req.key().workflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .map(e -> DefaultDataConverter.newDefaultInstance().fromPayloads(0,
            java.util.Optional.of(e.getMarkerRecordedEventAttributes().getDetailsOrThrow("changeId")),
            String.class, String.class))
        .toList();
  }

  @Test
  void rotationOfAnOptionalKeyOnly_rollsTheService_butLeavesTheBasicHeaderAsItWas() {
    aws.outcome = Outcome.ADOPTED;
    aws.hostMergeOutcome = Outcome.ADOPTED;
    aws.rotatedKeys = List.of("ZSCALER_VANITY_DOMAIN");
    DeploySummary summary = deploy(request().build());

    Map<String, Boolean> rotated = new java.util.HashMap<>();
    summary.resources().forEach(r -> rotated.put(r.step(), r.rotated()));
    assertTrue(rotated.get("secret"));
    assertTrue(rotated.get("service"));
    assertFalse(rotated.get("credential-provider"), "the header is built from the client id and secret only");
  }

  @Test
  void iamPropagation_ofTheRequest_startsNoTimer_anyMore() {
    DeployRequest slow = DeployRequest.builder("slow", "us-east-1", SEALED)
        .iamPropagation(java.time.Duration.ofSeconds(42)).build();
    DeployWorkflow wf = stub(client, options, slow);
    wf.deploy(slow);
    assertEquals(0, timers(slow), "the graph retries on IAM's own error instead of sleeping");
    StepState role = step(wf.progress(), "infrastructure-role");
    assertTrue(role.endedAt() - role.startedAt() < 42_000, role.toString());
  }

  private long timers(DeployRequest req) {
    return client.fetchHistory(req.key().workflowId()).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED).count();
  }

  @Test
  void rerun_thatFailsAndRollsBack_compensatesNothingAdopted() {
    aws.outcome = Outcome.ADOPTED;
    aws.hostMergeOutcome = Outcome.ADOPTED;
    aws.failAt("harness-ready", 1);
    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> deploy(req));
    assertEquals(FailureTypes.ROLLED_BACK, ((ApplicationFailure) e.getCause()).getType());
    assertEquals(List.of(), aws.callsStartingWith("delete"));
  }

  @Test
  void firstServiceUpdate_waitsForTheRolloutNotForActivation() {
    aws.outcome = Outcome.UPDATED;
    deploy(request().build());
    assertEquals(List.of("awaitServiceRollout:service", "awaitServiceRollout:service"),
        aws.callsStartingWith("awaitServiceRollout"));
    assertTrue(aws.callsStartingWith("awaitServiceActive").isEmpty());
  }

  @Test
  void hostMergeIntoThisRunsOwnService_waitsForItsRollout() {
    aws.hostMergeOutcome = Outcome.CREATED; // the real activity's answer on a first deploy
    DeployRequest req = request().build();
    DeployWorkflow wf = stub(client, options, req);
    wf.deploy(req);

    assertEquals(List.of("awaitServiceRollout:service"), aws.callsStartingWith("awaitServiceRollout"));
    assertEquals(StepStatus.DONE, step(wf.progress(), "service-rollout").status());
  }

  @Test
  void externalMcpUrl_ensuresOnlyProviderRoleAndHarness() {
    DeploySummary summary = deploy(request().externalMcpUrl(" https://mcp.example.com/ ").build());

    assertEquals(Set.of("callerIdentity:123456789012", "checkOwnership:preflight",
        "ensureApiKeyProvider:zscaler-mcp-creds",
        "ensureHarnessRole:zscaler-mcp-harness-execution-role", "ensureHarness:zscaler_mcp_harness",
        "awaitHarnessReady:harness"), Set.copyOf(aws.calls));
    assertEquals(6, aws.calls.size(), aws.calls.toString());
    assertEquals(List.of("callerIdentity:123456789012", "checkOwnership:preflight"), aws.calls.subList(0, 2));
    assertEquals(List.of(ResourceKind.API_KEY_PROVIDER, ResourceKind.HARNESS_ROLE, ResourceKind.HARNESS),
        ownershipClaims().stream().map(OwnershipClaim::kind).toList(), "no ECS resource is claimed");
    assertEquals(List.of("ensureHarness:zscaler_mcp_harness", "awaitHarnessReady:harness"),
        aws.calls.subList(4, 6));
    assertEquals("https://mcp.example.com/mcp", summary.mcpUrl());
    assertEquals("External (user-provided)", summary.host());
    assertNull(summary.serviceArn());
    assertNull(summary.secretMode());
  }

  @Test
  void plaintextMode_noSecret_credentialsGoSealedToTheServiceOnly() {
    DeployRequest req = request().secretMode(SecretMode.PLAINTEXT).build();
    DeployWorkflow wf = stub(client, options, req);
    DeploySummary summary = wf.deploy(req);

    assertTrue(aws.callsStartingWith("ensureSecret").isEmpty());
    assertEquals(StepStatus.SKIPPED, step(wf.progress(), "secret").status());
    ArgumentCaptor<TaskExecutionRoleSpec> role = ArgumentCaptor.forClass(TaskExecutionRoleSpec.class);
    Mockito.verify(aws.iam).ensureTaskExecutionRole(role.capture());
    assertNull(role.getValue().secretArn(), "no ReadZscalerSecrets without a secret");
    ArgumentCaptor<ServiceSpec> service = ArgumentCaptor.forClass(ServiceSpec.class);
    Mockito.verify(aws.ecs, Mockito.times(2)).ensureService(service.capture());
    assertEquals(SEALED, service.getValue().plaintextCredentials());
    assertNull(service.getValue().secretArn());
    assertEquals(List.of(), service.getValue().secretKeys());
    assertNull(summary.secretName());
  }

  @Test
  void bringYourOwnSecret_isReadNeverWrittenAndNeverRolledBack() {
    aws.failAt("harness", 1);
    DeployRequest req = request().secretMode(SecretMode.BRING_YOUR_OWN)
        .byoSecretId("team/zscaler").onFailure(OnFailure.ROLLBACK).build();
    assertThrows(WorkflowFailedException.class, () -> deploy(req));

    ArgumentCaptor<SecretSpec> spec = ArgumentCaptor.forClass(SecretSpec.class);
    Mockito.verify(aws.secrets).ensureSecret(spec.capture());
    assertEquals("team/zscaler", spec.getValue().secretId());
    assertNull(spec.getValue().credentials(), "bring-your-own never needs the credentials");
    assertTrue(aws.callsStartingWith("deleteSecret").isEmpty());
    assertEquals(1, aws.callsStartingWith("deleteHarness").size());
  }

  @Test
  void invalidRequests_failAsValidationBeforeAnyAwsCall() {
    List<DeployRequest> bad = List.of(
        request().topology(Topology.GATEWAY).externalMcpUrl("https://mcp.example.com").build(),
        request().names(ResourceNames.defaults().withHarness("zscaler-mcp-harness")).build(),
        request().containerEnv(Map.of("ZSCALER_CLIENT_SECRET", "oops")).build(),
        request().externalMcpUrl("http://plain.example.com").build(),
        request().secretMode(SecretMode.BRING_YOUR_OWN).build());
    int n = 0;
    for (DeployRequest req : bad) {
      DeployWorkflow wf = client.newWorkflowStub(DeployWorkflow.class,
          WorkflowOptions.newBuilder(options).setWorkflowId("bad-" + n++).build());
      WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));
      assertEquals(FailureTypes.VALIDATION, ((ApplicationFailure) e.getCause()).getType(), req.toString());
      assertFalse(e.getCause().getMessage().contains("oops"), "messages never echo env values");
    }
    assertEquals(List.of(), aws.calls);
  }

  private static String summary(HistoryEvent e) {
    return DefaultDataConverter.newDefaultInstance().fromPayload(
        e.getUserMetadata().getSummary(), String.class, String.class);
  }

  private List<OwnershipClaim> ownershipClaims() {
    synchronized (aws.payloads) {
      return aws.payloads.stream().filter(OwnershipCheck.class::isInstance).map(OwnershipCheck.class::cast)
          .reduce((a, b) -> b).orElseThrow().claims();
    }
  }
}
