package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.awaitStatus;
import static io.harnessdeployer.workflows.deploy.DeployTestSupport.request;
import static io.harnessdeployer.workflows.deploy.DeployTestSupport.step;
import static io.harnessdeployer.workflows.deploy.DeployTestSupport.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.*;
import io.harnessdeployer.workflows.topology.GatewayTopology;
import io.harnessdeployer.workflows.topology.Settings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** The gateway topology's deploy on FakeAws: its order, its specs, a failure at each step, a rerun, a switch. */
class GatewayDeployWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();

  static final Graph GRAPH = GatewayTopology.graph(Settings.forDeploy(gateway().build(),
      new Scope(gateway().build().key(), "run"), "token"));

  /** Each step's undo calls, in the order its compensation makes them (empty: a check). */
  static final Map<String, List<String>> UNDO = new java.util.LinkedHashMap<>();

  static {
    UNDO.put("preflight", List.of());
    UNDO.put("secret", List.of("deleteSecret:zscaler-mcp-harness/credentials"));
    UNDO.put("user-pool", List.of("deleteUserPool:zscaler-mcp-harness-up"));
    UNDO.put("resource-server", List.of("deleteResourceServer:zscaler-mcp"));
    UNDO.put("app-client", List.of("deleteAppClient:zscaler-mcp-harness-client"));
    UNDO.put("domain", List.of("deleteDomain:zscaler-mcp-harness-" + FakeAws.ACCOUNT,
        "awaitDomainGone:zscaler-mcp-harness-" + FakeAws.ACCOUNT));
    UNDO.put("oauth-provider", List.of("deleteOauth2Provider:zscaler-mcp-cognito-oauth"));
    UNDO.put("runtime-role", List.of("deleteRole:zscaler-mcp-harness-runtime-role"));
    UNDO.put("runtime", List.of("deleteRuntime:zscaler_mcp_runtime", "awaitRuntimeGone:" + FakeAws.RUNTIME_ID));
    UNDO.put("runtime-ready", List.of());
    UNDO.put("gateway-role", List.of("deleteRole:zscaler-mcp-harness-gateway-role"));
    UNDO.put("gateway", List.of("deleteGateway:zscaler-mcp-gateway", "awaitGatewayGone:" + FakeAws.GATEWAY_ID));
    UNDO.put("gateway-ready", List.of());
    UNDO.put("gateway-target", List.of("deleteGatewayTarget:zscaler-mcp-runtime",
        "awaitGatewayTargetGone:" + FakeAws.GATEWAY_ID + "/TGT123"));
    UNDO.put("gateway-target-ready", List.of());
    UNDO.put("harness-role", List.of("deleteRole:zscaler-mcp-harness-execution-role"));
    UNDO.put("harness", List.of("deleteHarness:zscaler_mcp_harness", "awaitHarnessGone:harness"));
    UNDO.put("harness-ready", List.of());
  }

  private final FakeAws aws = new FakeAws();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    this.env = env;
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  static DeployRequest.Builder gateway() {
    return request().topology(Topology.GATEWAY);
  }

  private DeploySummary deploy(DeployRequest req) {
    return stub(client, options, req).deploy(req);
  }

  static void assertDependencyOrder(List<String> steps, boolean reversed) {
    for (int i = 0; i < steps.size(); i++) {
      for (int j = i + 1; j < steps.size(); j++) {
        boolean wrong = reversed ? GRAPH.dependsOn(steps.get(j), steps.get(i)) : GRAPH.dependsOn(steps.get(i), steps.get(j));
        assertFalse(wrong, steps.get(i) + " ran before " + steps.get(j) + " in " + steps);
      }
    }
  }

  @Test
  void firstDeploy_ensuresEveryNodeOnce_afterItsNeeds_independentOnesAtOnce() {
    DeployRequest req = gateway().build();
    DeployWorkflow wf = stub(client, options, req);
    DeploySummary summary = wf.deploy(req);

    List<String> ensured = GRAPH.ensured().stream().map(Node::id).toList();
    assertEquals(Set.copyOf(ensured), Set.copyOf(aws.stepCalls), aws.stepCalls.toString());
    assertEquals(ensured.size(), aws.stepCalls.size(), "each once: " + aws.stepCalls);
    assertDependencyOrder(List.copyOf(aws.stepCalls), false);
    assertEquals(List.of("callerIdentity:" + FakeAws.ACCOUNT, "checkOwnership:preflight", "findTagged:preflight"),
        aws.calls.subList(0, 3), "who we are, what we claim and what the deployment has, before any write");
    DeployProgress progress = wf.progress();
    long start = step(progress, "secret").startedAt();
    for (String id : List.of("user-pool", "harness-role")) {
      assertEquals(start, step(progress, id).startedAt(), id + " needs only the preflight");
    }
    List<OwnershipClaim> claims = new ArrayList<>(GRAPH.ensured().stream().filter(n -> n.claim() != null)
        .map(Node::claim).toList());
    claims.add(new OwnershipClaim(ResourceKind.USER_POOL_DOMAIN, "zscaler-mcp-harness-" + FakeAws.ACCOUNT));
    assertEquals(claims, ownershipClaims(), "every resource node, the nested ones within their pool or gateway");
    assertEquals(13, claims.size());

    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertEquals("READY", summary.harnessStatus());
    assertTrue(summary.mcpUrl().startsWith("https://" + FakeAws.GATEWAY_ID), summary.mcpUrl());
    assertEquals("AgentCore Runtime 'zscaler_mcp_runtime' (id=" + FakeAws.RUNTIME_ID
        + ") behind Gateway 'zscaler-mcp-gateway'", summary.host());
    assertTrue(summary.providerArn().endsWith("oauth2credentialprovider/zscaler-mcp-cognito-oauth"));
    assertNull(summary.serviceArn());
    assertEquals(List.of("secret", "user-pool", "resource-server", "app-client", "domain", "oauth-provider",
            "runtime-role", "runtime", "gateway-role", "gateway", "gateway-target", "harness-role", "harness"),
        summary.resources().stream().map(ResourceOutcome::step).toList());
    assertTrue(summary.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED));
  }

  @Test
  void specs_chainTheAuth_theHarnessGetsTheGatewayTool_andTheRuntimeEnvHoldsNoCredential() {
    deploy(gateway().build());
    RuntimeSpec runtime = captured(RuntimeSpec.class, s -> Mockito.verify(aws.gateway).ensureRuntime(s.capture()));
    JwtAuthorizer jwt = new JwtAuthorizer(Names.cognitoDiscoveryUrl("us-east-1", FakeAws.POOL_ID),
        List.of(FakeAws.CLIENT_ID), List.of("zscaler-mcp/invoke"));
    assertEquals(jwt, runtime.authorizer());
    assertEquals("zscaler-mcp-harness/credentials", runtime.environment().get(Names.KEY_SECRET_NAME));
    assertEquals("false", runtime.environment().get("ZSCALER_MCP_WRITE_ENABLED"));
    assertTrue(runtime.environment().keySet().stream().noneMatch(Names.CREDENTIAL_KEYS::contains), runtime.toString());
    assertNull(runtime.plaintextCredentials(), "Secrets Manager mode: the container reads the secret");
    assertEquals("arn:aws:iam::123456789012:role/zscaler-mcp-harness-runtime-role", runtime.roleArn());

    GatewaySpec gw = captured(GatewaySpec.class, s -> Mockito.verify(aws.gateway).ensureGateway(s.capture()));
    assertEquals(jwt, gw.authorizer());
    assertEquals("arn:aws:iam::123456789012:role/zscaler-mcp-harness-gateway-role", gw.roleArn());
    GatewayRoleSpec gwRole = captured(GatewayRoleSpec.class, s -> Mockito.verify(aws.iam).ensureGatewayRole(s.capture()));
    assertTrue(gwRole.runtimeArn().endsWith(":runtime/" + FakeAws.RUNTIME_ID));
    GatewayTargetSpec target = captured(GatewayTargetSpec.class,
        s -> Mockito.verify(aws.gateway).ensureGatewayTarget(s.capture()));
    assertEquals(FakeAws.GATEWAY_ID, target.gatewayId());
    assertEquals(Names.runtimeMcpUrl(gwRole.runtimeArn()), target.endpoint());
    assertEquals(List.of("zscaler-mcp/invoke"), target.scopes(), "without the scope the Runtime rejects the token");
    OAuth2ProviderSpec provider = captured(OAuth2ProviderSpec.class,
        s -> Mockito.verify(aws.gateway).ensureOauth2Provider(s.capture()));
    assertEquals(FakeAws.CLIENT_ID, provider.clientId());
    assertEquals("sealed-client-secret", provider.sealedSecret().ciphertext(), "the client secret only sealed");
    HarnessSpec harness = captured(HarnessSpec.class, s -> Mockito.verify(aws.agentCore).ensureHarness(s.capture()));
    assertEquals(new GatewayTool("arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/" + FakeAws.GATEWAY_ID,
        "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/"
            + "zscaler-mcp-cognito-oauth", List.of()), harness.gateway(), "§4.3: scopes [] as the seed sends");
    assertNull(harness.mcpUrl());
    DomainSpec domain = captured(DomainSpec.class, s -> Mockito.verify(aws.cognito).ensureDomain(s.capture()));
    assertEquals("zscaler-mcp-harness-123456789012", domain.domain());
  }

  @Test
  void plaintextMode_theCredentialsTravelSealed_neverInTheEnv() {
    deploy(gateway().secretMode(SecretMode.PLAINTEXT).build());
    RuntimeSpec runtime = captured(RuntimeSpec.class, s -> Mockito.verify(aws.gateway).ensureRuntime(s.capture()));
    assertEquals(DeployTestSupport.SEALED, runtime.plaintextCredentials());
    assertTrue(runtime.environment().keySet().stream().noneMatch(Names.CREDENTIAL_KEYS::contains), runtime.toString());
    assertFalse(runtime.environment().containsKey(Names.KEY_SECRET_NAME));
    RuntimeRoleSpec role = captured(RuntimeRoleSpec.class, s -> Mockito.verify(aws.iam).ensureRuntimeRole(s.capture()));
    assertNull(role.secretArn(), "no secret: no SecretsManagerGet statement");
  }

  @Test
  void rerun_adoptsEverything_andCreatesNothing() {
    deploy(gateway().build());
    aws.outcome = Outcome.ADOPTED;
    DeploySummary rerun = deploy(gateway().build());
    assertTrue(rerun.resources().stream().allMatch(r -> r.outcome() == Outcome.ADOPTED), rerun.resources().toString());
    assertEquals(List.of(), undoCalls());
  }

  @Test
  void anImageOfAnotherRegion_isRefusedBeforeAnyAwsCall() {
    DeployRequest req = gateway().imageUri("709825985650.dkr.ecr.eu-west-1.amazonaws.com/zscaler/mcp:1").build();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> deploy(req));
    ApplicationFailure f = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.VALIDATION, f.getType());
    assertTrue(f.getOriginalMessage().contains("ECR region eu-west-1") && f.getOriginalMessage().contains("--region eu-west-1"),
        f.getOriginalMessage());
    assertEquals(List.of(), aws.calls);
  }

  @Test
  void aDeploymentOnEcs_refusesTheGatewayTopology_beforeAnyWrite() {
    aws.tagged = new TaggedResources(List.of(), List.of("zscaler-mcp-ecs-task-execution-role"), List.of(), List.of(),
        List.of(), List.of("zscaler-mcp"), List.of(), List.of(), List.of());
    DeployRequest req = gateway().onFailure(OnFailure.PAUSE).build();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> deploy(req));
    ApplicationFailure f = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.CONFLICT, f.getType());
    assertTrue(f.getOriginalMessage().contains("us-east-1/dev was deployed with topology ecs: destroy it first"),
        f.getOriginalMessage());
    assertTrue(f.getOriginalMessage().contains("ECS cluster zscaler-mcp"), f.getOriginalMessage());
    assertTrue(aws.calls.stream().noneMatch(c -> c.startsWith("ensure")), aws.calls.toString());
  }

  @Test
  void aDeploymentOnGateway_refusesTheEcsTopology_beforeAnyWrite() {
    aws.gatewayRoles.put("zscaler-mcp-harness-runtime-role", new Observed(true, null,
        new Scope(request().build().key(), "earlier-run").gatewayTags(), Map.of()));
    DeployRequest req = request().build();
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> deploy(req));
    ApplicationFailure f = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.CONFLICT, f.getType());
    assertTrue(f.getOriginalMessage().contains("was deployed with topology gateway: destroy it first"),
        f.getOriginalMessage());
    assertTrue(aws.calls.stream().noneMatch(c -> c.startsWith("ensure")), aws.calls.toString());
  }

  @Test
  void aRoleOfTheSameNameOfAnotherDeployment_isNoTopologyConflict() {
    aws.gatewayRoles.put("zscaler-mcp-harness-runtime-role", new Observed(true, null,
        new Scope(new io.harnessdeployer.workflows.common.DeploymentKey("us-east-1", "other"), "r").gatewayTags(), Map.of()));
    assertEquals(DeployStatus.SUCCEEDED, deploy(request().build()).status());
  }

  static Stream<Arguments> stepsAfterPreflight() {
    return UNDO.keySet().stream().filter(s -> !s.equals("preflight")).map(Arguments::of);
  }

  @ParameterizedTest(name = "rollback after failure at {0}")
  @MethodSource("stepsAfterPreflight")
  void onFailureRollback_undoesWhatThisRunCreated_dependentsFirst(String failing) {
    aws.failAt(failing, 1);
    DeployRequest req = gateway().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));
    assertEquals(FailureTypes.ROLLED_BACK, ((ApplicationFailure) e.getCause()).getType());
    assertRolledBack(wf.progress(), failing);
  }

  @ParameterizedTest(name = "pause at {0}, then RETRY finishes the deploy")
  @MethodSource("stepsAfterPreflight")
  void onFailurePause_retryContinues_andEndsSucceeded(String failing) {
    aws.failAt(failing, 1);
    DeployRequest req = gateway().build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowClient.start(wf::deploy, req);
    DeployProgress paused = awaitStatus(env, wf, DeployStatus.PAUSED);
    assertEquals(failing, paused.currentStep());
    assertEquals(StepStatus.PAUSED, step(paused, failing).status());
    assertTrue(GRAPH.ensured().stream().filter(n -> GRAPH.dependsOn(n.id(), failing))
        .allMatch(n -> step(paused, n.id()).status() == StepStatus.PENDING), "nothing after it started");

    wf.decide(OperatorDecision.RETRY);
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);
    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertEquals(List.of(), undoCalls());
    assertEquals(GRAPH.ensured().size() + 1, aws.stepCalls.size(), "the failed step twice, every other once");
  }

  /**
   * pool-after-failed-provider=1: where AgentCore cannot list a provider's tags, its pool's prove it
   * ours; so while the provider may remain, the rollback keeps the pool for the destroy that follows.
   */
  @Test
  void rollbackWhoseProviderDeleteFails_keepsTheUserPool_andUndoesTheRest() {
    aws.failAt("gateway-target", 1);
    aws.deny("deleteOauth2Provider");
    DeployRequest req = gateway().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(client, options, req);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    assertEquals(FailureTypes.ROLLBACK_INCOMPLETE, ((ApplicationFailure) e.getCause()).getType());
    DeployProgress progress = wf.progress();
    assertEquals(DeployStatus.ROLLBACK_INCOMPLETE, progress.status());
    assertEquals(StepStatus.COMPENSATION_FAILED, step(progress, "oauth-provider").status());
    StepState pool = step(progress, "user-pool");
    assertEquals(StepStatus.COMPENSATION_FAILED, pool.status());
    assertTrue(pool.compensation().startsWith("not attempted: the delete of OAuth2 provider"), pool.compensation());
    assertEquals(List.of(), aws.callsStartingWith("deleteUserPool"));
    for (String other : List.of("deleteAppClient", "deleteResourceServer", "deleteDomain", "deleteGateway")) {
      assertEquals(1, aws.callsStartingWith(other + ":").size(), other + " is still undone");
    }
  }

  private void assertRolledBack(DeployProgress progress, String failing) {
    assertEquals(DeployStatus.ROLLED_BACK, progress.status());
    Set<String> undone = new HashSet<>();
    for (String id : UNDO.keySet()) {
      StepState s = step(progress, id);
      if (GRAPH.dependsOn(id, failing)) {
        assertEquals(StepStatus.PENDING, s.status(), id + " needs " + failing + ": never started");
      } else if (s.outcome() == Outcome.CREATED || id.equals(failing) && !UNDO.get(id).isEmpty()) {
        assertEquals(StepStatus.COMPENSATED, s.status(), id);
        undone.add(id);
      }
    }
    List<String> calls = undoCalls();
    List<String> order = new ArrayList<>();
    for (int at = 0; at < calls.size(); ) {
      String call = calls.get(at);
      String id = UNDO.keySet().stream().filter(k -> UNDO.get(k).contains(call)).findFirst().orElseThrow();
      assertEquals(UNDO.get(id), calls.subList(at, Math.min(calls.size(), at + UNDO.get(id).size())), id);
      order.add(id);
      at += UNDO.get(id).size();
    }
    assertEquals(undone, Set.copyOf(order), calls.toString());
    assertEquals(undone.size(), order.size(), "each once: " + calls);
    assertDependencyOrder(order, true);
  }

  private List<String> undoCalls() {
    synchronized (aws.calls) {
      return aws.calls.stream().filter(c -> c.startsWith("delete") || c.startsWith("await") && c.contains("Gone"))
          .toList();
    }
  }

  private List<OwnershipClaim> ownershipClaims() {
    synchronized (aws.payloads) {
      return aws.payloads.stream().filter(OwnershipCheck.class::isInstance).map(OwnershipCheck.class::cast)
          .reduce((a, b) -> b).orElseThrow().claims();
    }
  }

  private static <T> T captured(Class<T> type, java.util.function.Consumer<ArgumentCaptor<T>> verify) {
    ArgumentCaptor<T> captor = ArgumentCaptor.forClass(type);
    verify.accept(captor);
    return captor.getValue();
  }
}
