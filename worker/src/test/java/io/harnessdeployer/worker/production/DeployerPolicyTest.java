package io.harnessdeployer.worker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.runtime.Dispatcher;
import io.harnessdeployer.worker.destroy.DestroyRig;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.harnessdeployer.workflows.plan.PlanWorkflow;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;

/**
 * deploy/iam/deployer-policy.json allows exactly the AWS actions the activities call: those the
 * emulator's request log records over a topology's whole life (plan, deploy, drift, a heal of
 * out-of-band changes, destroy), plus {@link #NOT_API_CALLS}. Each topology adds its own life
 * ({@link #ecsTopologyActions}, {@link #gatewayTopologyActions}) to the union the policy must equal.
 */
class DeployerPolicyTest {
  static final String POLICY = "deploy/iam/deployer-policy.json";
  /**
   * Authorised by AWS but never a request of their own: passing the roles the deploy created to ECS,
   * the Runtime, the Gateway and the harness.
   */
  static final Set<String> NOT_API_CALLS = Set.of("iam:PassRole");
  /** Request-log service → IAM action prefix, where they differ. */
  static final Map<String, String> PREFIX = Map.of("bedrock-agentcore-control", "bedrock-agentcore");

  /** Every action the activities call over the ecs topology's life. */
  static Set<String> ecsTopologyActions() {
    Set<String> actions = new TreeSet<>();
    try (DestroyRig rig = new DestroyRig()) {
      DeployRequest req = rig.deployRequest().build();
      run(rig, actions, () -> plan(rig, req));
      AtomicReference<DeploySummary> deployed = new AtomicReference<>();
      run(rig, actions, () -> deployed.set(rig.deploy(req)));
      run(rig, actions, () -> drift(rig, req, false));
      editPolicyImageAndDeleteHarness(rig, req.names(), deployed.get());
      run(rig, actions, () -> assertTrue(drift(rig, req, true).heal().succeeded()));
      rig.aws.secrets(DestroyRig.REGION).putSecretValue(r -> r.secretId(req.names().secret())
          .secretString("{\"ZSCALER_CLIENT_ID\":\"x\",\"ZSCALER_CLIENT_SECRET\":\"by-hand\"}"));
      run(rig, actions, () -> assertTrue(drift(rig, req, true).heal().succeeded()));
      run(rig, actions, () -> destroy(rig, DestroyRequest.builder(DestroyRig.DEPLOYMENT, DestroyRig.REGION).build()));
    }
    return actions;
  }

  /** Every action the activities call over the gateway topology's life, its Cognito pool destroyed too. */
  static Set<String> gatewayTopologyActions() {
    Set<String> actions = new TreeSet<>();
    try (DestroyRig rig = new DestroyRig()) {
      DeployRequest req = rig.deployRequest().topology(Topology.GATEWAY).build();
      run(rig, actions, () -> plan(rig, req));
      run(rig, actions, () -> rig.deploy(req));
      run(rig, actions, () -> assertEquals("IN_SYNC", drift(rig, req, false).verdict()));
      editRuntimeRolePolicyAndDeleteTarget(rig, req.names().gateway());
      run(rig, actions, () -> {
        DriftReport healed = drift(rig, req, true);
        assertEquals("HEALED", healed.verdict(), healed.summary());
        assertTrue(healed.summary().contains("runtime-role MODIFIED"), healed.summary());
        assertTrue(healed.summary().contains("gateway-target DELETED"), healed.summary());
      });
      DestroyRequest destroy = DestroyRequest.builder(DestroyRig.DEPLOYMENT, DestroyRig.REGION)
          .topology(Topology.GATEWAY).keepCognito(false).build();
      run(rig, actions, () -> assertEquals(DestroyStatus.DESTROYED, destroy(rig, destroy).status()));
    }
    return actions;
  }

  /** Adds the actions {@code phase} makes the activities call; the test's own calls stay out. */
  static void run(DestroyRig rig, Set<String> actions, Runnable phase) {
    long seq = rig.api.lastSeq();
    phase.run();
    rig.api.operationsAfter(seq).stream()
        .filter(op -> !op.startsWith(Dispatcher.HOSTED_SERVICE + ".")) // the MCP server's own /health, not AWS
        .forEach(op -> actions.add(action(op)));
  }

  static String action(String serviceDotOperation) {
    int dot = serviceDotOperation.indexOf('.');
    String service = serviceDotOperation.substring(0, dot);
    return PREFIX.getOrDefault(service, service) + ":" + serviceDotOperation.substring(dot + 1);
  }

  @Test
  void thePolicyAllowsEveryActionTheActivitiesCall_andNoOther() throws IOException {
    Set<String> ecs = ecsTopologyActions();
    Set<String> gateway = gatewayTopologyActions();
    Set<String> called = new TreeSet<>(ecs);
    called.addAll(gateway);
    System.out.printf("DeployerPolicyTest: ecs %d actions, gateway %d, union %d (+%d not API calls)%n",
        ecs.size(), gateway.size(), called.size(), NOT_API_CALLS.size());
    Set<String> expected = new TreeSet<>(called);
    expected.addAll(NOT_API_CALLS);
    Set<String> allowed = allowedActions(new ObjectMapper().readTree(RepoFiles.read(POLICY)));
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(allowed);
    Set<String> extra = new TreeSet<>(allowed);
    extra.removeAll(expected);
    assertEquals(Set.of(), missing, "called but not allowed; every call: " + called);
    assertEquals(Set.of(), extra, "allowed but never called; every call: " + called);
  }

  /** The Allow actions of the policy, which must be literal (no wildcards) and the only effect. */
  static Set<String> allowedActions(JsonNode policy) {
    assertEquals("2012-10-17", policy.get("Version").asText());
    Set<String> out = new TreeSet<>();
    for (JsonNode st : policy.get("Statement")) {
      assertEquals("Allow", st.get("Effect").asText(), st.toString());
      for (JsonNode a : st.get("Action")) {
        assertFalse(a.asText().contains("*"), "no wildcard actions: " + a);
        assertTrue(out.add(a.asText()), "listed twice: " + a);
      }
    }
    return out;
  }

  private static void plan(DestroyRig rig, DeployRequest req) {
    rig.env.getWorkflowClient().newWorkflowStub(PlanWorkflow.class, options(PlanWorkflow.workflowId(req.key())))
        .plan(req);
  }

  private static DriftReport drift(DestroyRig rig, DeployRequest req, boolean heal) {
    return rig.env.getWorkflowClient().newWorkflowStub(DriftCheckWorkflow.class,
        options(DriftIds.checkId(req.key()))).check(DriftRequest.once(req, heal));
  }

  private static DestroyReport destroy(DestroyRig rig, DestroyRequest req) {
    return rig.env.getWorkflowClient().newWorkflowStub(DestroyWorkflow.class, options(req.key().workflowId()))
        .destroy(req);
  }

  /** What an operator might change by hand, so the heal takes the update and re-create paths. */
  private static void editPolicyImageAndDeleteHarness(DestroyRig rig, ResourceNames n, DeploySummary deployed) {
    String region = DestroyRig.REGION;
    String policy = rig.aws.iam().listRolePolicies(r -> r.roleName(n.harnessRole())).policyNames().get(0);
    rig.aws.iam().putRolePolicy(r -> r.roleName(n.harnessRole()).policyName(policy).policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
    var configs = rig.aws.ecs(region).describeExpressGatewayService(r -> r.serviceArn(deployed.serviceArn()))
        .service().activeConfigurations();
    ExpressGatewayContainer live = configs.get(configs.size() - 1).primaryContainer();
    rig.aws.ecs(region).updateExpressGatewayService(r -> r.serviceArn(deployed.serviceArn())
        .primaryContainer(live.toBuilder().image("public.ecr.aws/example/other-mcp:9").build()));
    rig.aws.harness(region).deleteHarness(deployed.harnessId(), UUID.randomUUID().toString());
  }

  /** What an operator might change by hand: the heal takes the update and re-create paths of the gateway's. */
  private static void editRuntimeRolePolicyAndDeleteTarget(DestroyRig rig, GatewayNames n) {
    String policy = rig.aws.iam().listRolePolicies(r -> r.roleName(n.runtimeRole())).policyNames().get(0);
    rig.aws.iam().putRolePolicy(r -> r.roleName(n.runtimeRole()).policyName(policy).policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
    var control = rig.aws.agentCore(DestroyRig.REGION);
    String gatewayId = control.listGateways(r -> r.maxResults(100)).items().stream()
        .filter(g -> g.name().equals(n.gateway())).findFirst().orElseThrow().gatewayId();
    String targetId = control.listGatewayTargets(r -> r.gatewayIdentifier(gatewayId).maxResults(100)).items().stream()
        .filter(t -> t.name().equals(n.gatewayTarget())).findFirst().orElseThrow().targetId();
    control.deleteGatewayTarget(r -> r.gatewayIdentifier(gatewayId).targetId(targetId));
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(id).build();
  }
}
