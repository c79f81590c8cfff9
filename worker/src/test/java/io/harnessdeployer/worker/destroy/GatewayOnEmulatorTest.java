package io.harnessdeployer.worker.destroy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.harnessdeployer.workflows.drift.ResourceStatus;
import io.harnessdeployer.workflows.plan.PlanAction;
import io.harnessdeployer.workflows.plan.PlanReport;
import io.harnessdeployer.workflows.plan.PlanWorkflow;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway topology against the emulator with the real activities and the worker's own
 * registration: a deploy whose harness reaches the MCP server through the gateway with a Cognito
 * token, a rerun that creates nothing, drift IN_SYNC, plan NO_OP, a destroy that leaves nothing
 * tagged for the deployment, no credential in the Runtime's env or the history, and no switch.
 */
class GatewayOnEmulatorTest {
  static final String ZS_SECRET = "zs-secret-destroy-31"; // DestroyRig's

  private final DestroyRig rig = new DestroyRig();
  private final List<String> runs = new ArrayList<>();

  @AfterEach
  void close() {
    rig.close();
  }

  private DeployRequest.Builder gateway() {
    return rig.deployRequest().topology(Topology.GATEWAY);
  }

  private DeploySummary deploy(DeployRequest req) {
    DeploySummary s = rig.deploy(req);
    runs.add(rig.env.getWorkflowClient().fetchHistory(req.key().workflowId()).toJson(false));
    return s;
  }

  private long creates() {
    return rig.api.requests().stream().filter(r -> String.valueOf(r.get("operation")).startsWith("Create")
        && ((Number) r.get("status")).intValue() < 300).count();
  }

  @Test
  void deploy_reachesTheMcpServerThroughTheGateway_rerunCreatesNothing_driftInSync_destroyLeavesNothing() throws Exception {
    DeployRequest req = gateway().build();
    DeploySummary first = deploy(req);
    assertEquals("READY", first.harnessStatus());
    assertTrue(first.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED), first.resources().toString());
    assertEquals(13, first.resources().size(), first.resources().toString());

    JsonNode harness = rig.aws.harness(DestroyRig.REGION).getHarness(first.harnessId()).document();
    JsonNode tool = harness.path("tools").get(0);
    assertEquals("agentcore_gateway", tool.path("type").asText(), harness.toString());
    String gatewayArn = tool.path("config").path("agentCoreGateway").path("gatewayArn").asText();
    assertTrue(gatewayArn.contains(":gateway/"), tool.toString());

    GatewayNames n = req.names().gateway();
    String token = cognitoToken(n);
    String gatewayHost = URI.create(first.mcpUrl()).getHost();
    assertEquals(200, mcp(gatewayHost, "Bearer " + token).statusCode(), "the gateway admits our Cognito token");
    assertEquals(401, mcp(gatewayHost, null).statusCode(), "and nothing without one");

    long createsAfterFirst = creates();
    DeploySummary rerun = deploy(req);
    assertEquals(createsAfterFirst, creates(), "a rerun creates nothing");
    assertEquals(first.harnessId(), rerun.harnessId());
    assertTrue(rerun.resources().stream().noneMatch(r -> r.outcome() == Outcome.CREATED), rerun.resources().toString());

    DriftReport drift = rig.env.getWorkflowClient().newWorkflowStub(DriftCheckWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(DriftIds.checkId(req.key())).build()).check(DriftRequest.once(req, false));
    drift.resources().forEach(d -> assertEquals(ResourceStatus.IN_SYNC, d.status(), d.toString()));
    assertEquals(first.resources().stream().map(ResourceOutcome::step).toList(),
        drift.resources().stream().map(d -> d.id()).toList());
    PlanReport plan = rig.env.getWorkflowClient().newWorkflowStub(PlanWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(PlanWorkflow.workflowId(req.key())).build()).plan(req);
    plan.resources().forEach(p -> assertEquals(PlanAction.NO_OP, p.action(), p.toString()));

    DestroyReport destroyed = rig.destroy(rig.destroyRequest().topology(Topology.GATEWAY).build());
    assertEquals(DestroyStatus.DESTROYED, destroyed.status(), destroyed.toString());
    assertEquals(Set.of(), rig.api.liveTagged(Names.TAG_DEPLOYMENT, DestroyRig.TAG_VALUE), "nothing of ours is left");
    assertEquals(404, mcp(gatewayHost, "Bearer " + token).statusCode(), "the gateway is gone");
  }

  /** Secrets Manager modes put only the secret's name in the Runtime's env; no mode puts a credential in history. */
  @ParameterizedTest
  @EnumSource(SecretMode.class)
  void noZscalerSecretInTheRuntimeEnvOfSecretsManagerMode_norInAnyHistory(SecretMode mode) {
    DeployRequest.Builder b = gateway().secretMode(mode);
    if (mode == SecretMode.BRING_YOUR_OWN) {
      rig.aws.secrets(DestroyRig.REGION).createSecret(r -> r.name("ops/zscaler")
          .secretString("{\"ZSCALER_CLIENT_ID\":\"zs-id\",\"ZSCALER_CLIENT_SECRET\":\"" + ZS_SECRET + "\"}"));
      b.byoSecretId("ops/zscaler");
    }
    DeployRequest req = b.build();
    deploy(req);
    Map<String, String> env = rig.aws.agentCore(DestroyRig.REGION).listAgentRuntimesPaginator(r -> r.build())
        .agentRuntimes().stream().filter(r -> r.agentRuntimeName().equals(req.names().gateway().runtime()))
        .map(r -> rig.aws.agentCore(DestroyRig.REGION).getAgentRuntime(g -> g.agentRuntimeId(r.agentRuntimeId()))
            .environmentVariables()).findFirst().orElseThrow();
    if (mode != SecretMode.PLAINTEXT) {
      assertEquals(mode == SecretMode.MANAGED ? req.names().secret() : "ops/zscaler", env.get(Names.KEY_SECRET_NAME));
      assertTrue(env.keySet().stream().noneMatch(Names.CREDENTIAL_KEYS::contains), env.keySet().toString());
      assertFalse(env.containsValue(ZS_SECRET), "the secret only in Secrets Manager");
    } else {
      assertEquals(ZS_SECRET, env.get(Names.KEY_CLIENT_SECRET), "plaintext: the container reads its env");
    }
    String appClientSecret = appClientSecret(req.names().gateway());
    for (String history : runs) {
      assertTrue(history.contains("EnsureRuntime"), "a real history");
      assertFalse(history.contains(ZS_SECRET), "no Zscaler secret in the workflow history");
      assertFalse(history.contains(appClientSecret), "no Cognito app client secret in the workflow history");
    }
  }

  @Test
  void aDeploymentKeepsItsTopology_destroyFirst() {
    deploy(rig.deployRequest().build());
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> rig.deploy(gateway().build()));
    ApplicationFailure f = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.CONFLICT, f.getType());
    assertTrue(f.getOriginalMessage().contains("was deployed with topology ecs: destroy it first"), f.getOriginalMessage());
    assertEquals(Set.of(), rig.api.liveTagged(Names.TAG_TOPOLOGY, Names.TAG_TOPOLOGY_VALUE), "nothing written");

    assertEquals(DestroyStatus.DESTROYED, rig.destroy(rig.destroyRequest().build()).status());
    deploy(gateway().build());
    e = assertThrows(WorkflowFailedException.class, () -> rig.deploy(rig.deployRequest().build()));
    assertTrue(((ApplicationFailure) e.getCause()).getOriginalMessage()
        .contains("was deployed with topology gateway: destroy it first"), e.getCause().getMessage());
  }

  private String appClientSecret(GatewayNames n) {
    var cognito = rig.aws.cognito(DestroyRig.REGION);
    String poolId = cognito.listUserPools(r -> r.maxResults(60)).userPools().stream()
        .filter(p -> p.name().equals(n.userPool())).findFirst().orElseThrow().id();
    String clientId = cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
        .filter(c -> c.clientName().equals(n.appClient())).findFirst().orElseThrow().clientId();
    return cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId)).userPoolClient().clientSecret();
  }

  private String cognitoToken(GatewayNames n) throws Exception {
    var cognito = rig.aws.cognito(DestroyRig.REGION);
    String poolId = cognito.listUserPools(r -> r.maxResults(60)).userPools().stream()
        .filter(p -> p.name().equals(n.userPool())).findFirst().orElseThrow().id();
    String clientId = cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
        .filter(c -> c.clientName().equals(n.appClient())).findFirst().orElseThrow().clientId();
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + appClientSecret(n)).getBytes(StandardCharsets.UTF_8));
    String account = rig.aws.sts(DestroyRig.REGION).getCallerIdentity().account();
    HttpResponse<String> r = post("/_emulator/endpoints/" + n.domain(account) + ".auth." + DestroyRig.REGION
            + ".amazoncognito.com/oauth2/token",
        "grant_type=client_credentials&scope=" + URLEncoder.encode(n.cognitoScope(), StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded", "Basic " + basic);
    assertEquals(200, r.statusCode(), r.body());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("access_token").asText();
  }

  private HttpResponse<String> mcp(String host, String authorization) {
    return post("/_emulator/endpoints/" + host + "/mcp",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "application/json", authorization);
  }

  private HttpResponse<String> post(String path, String body, String contentType, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(rig.emulator.endpoint().resolve(path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
