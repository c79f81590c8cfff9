package io.harnessdeployer.worker.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.worker.destroy.DestroyRig;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.harnessdeployer.workflows.drift.ResourceDrift;
import io.harnessdeployer.workflows.drift.ResourceStatus;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.plan.PlanAction;
import io.harnessdeployer.workflows.plan.PlanReport;
import io.harnessdeployer.workflows.plan.PlanWorkflow;
import io.harnessdeployer.workflows.plan.PlannedResource;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;

/**
 * Drift and plan against the emulator, with the real activities and the worker's own registration
 * ({@code Workers.register}): each out-of-band change below is made with the AWS SDK (or the
 * harness API), as an operator would, and the check must name resource, property and kind.
 */
class DriftOnEmulatorTest {
  static final List<String> RESOURCES = List.of("secret", "task-execution-role", "infrastructure-role", "cluster",
      "log-group", "service", "credential-provider", "harness-role", "harness");
  /** What a read-only call is named like, in every service the check reaches. */
  static final Pattern READ = Pattern.compile("[a-z0-9-]+\\.(Describe|Get|List)[A-Za-z]*");

  private final DestroyRig rig = new DestroyRig();
  private final DeployRequest req = rig.deployRequest().build();
  private final ResourceNames names = req.names();

  @AfterEach
  void close() {
    rig.close();
  }

  private DriftReport check(boolean heal) {
    return rig.env.getWorkflowClient().newWorkflowStub(DriftCheckWorkflow.class, WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(DriftIds.checkId(req.key())).build())
        .check(DriftRequest.once(req, heal));
  }

  private PlanReport plan() {
    return rig.env.getWorkflowClient().newWorkflowStub(PlanWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(PlanWorkflow.workflowId(req.key())).build()).plan(req);
  }

  private static ResourceDrift of(DriftReport r, String id) {
    return r.resources().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  private static void assertInSync(List<ResourceDrift> resources) {
    assertEquals(RESOURCES, resources.stream().map(ResourceDrift::id).toList());
    resources.forEach(d -> assertEquals(ResourceStatus.IN_SYNC, d.status(), d.toString()));
  }

  /** The check's calls, in the emulator's own request log, are all reads. */
  private void assertOnlyReadsAfter(long seq) {
    List<String> ops = rig.api.operationsAfter(seq);
    assertFalse(ops.isEmpty());
    List<String> writes = ops.stream().filter(op -> !READ.matcher(op).matches()).toList();
    assertEquals(List.of(), writes, "every operation: " + ops);
  }

  @Test
  void afterADeploy_everyResourceIsInSync_planIsAllNoOp_andNeitherWritesAnything() {
    rig.deploy(req);
    long seq = rig.api.lastSeq();
    DriftReport r = check(false);
    assertInSync(r.resources());
    assertEquals("IN_SYNC", r.verdict());
    assertOnlyReadsAfter(seq);

    seq = rig.api.lastSeq();
    PlanReport p = plan();
    assertEquals(RESOURCES, p.resources().stream().map(PlannedResource::id).toList());
    p.resources().forEach(x -> assertEquals(PlanAction.NO_OP, x.action(), x.toString()));
    assertOnlyReadsAfter(seq);
  }

  @Test
  void planOnAnEmptyAccount_createsEveryResource_andWritesNothing() {
    long seq = rig.api.lastSeq();
    PlanReport p = plan();
    assertEquals(RESOURCES, p.resources().stream().map(PlannedResource::id).toList());
    p.resources().forEach(x -> assertEquals(PlanAction.CREATE, x.action(), x.toString()));
    assertOnlyReadsAfter(seq);
  }

  @Test
  void aDeletedSecret_isDeleted() {
    rig.deploy(req);
    rig.aws.secrets(DestroyRig.REGION).deleteSecret(r -> r.secretId(names.secret()).forceDeleteWithoutRecovery(true));
    long seq = rig.api.lastSeq();
    DriftReport r = check(false);
    assertEquals(ResourceStatus.DELETED, of(r, "secret").status());
    assertEquals("needs secret, which is DELETED", of(r, "service").reason());
    assertOnlyReadsAfter(seq);
  }

  @Test
  void aSecretValuePutByHand_isModifiedByVersion_neverByValue_andHealPutsTheDeploysBack() {
    rig.deploy(req);
    String hand = "{\"ZSCALER_CLIENT_ID\":\"x\",\"ZSCALER_CLIENT_SECRET\":\"typed-by-hand-7\"}";
    String version = rig.aws.secrets(DestroyRig.REGION)
        .putSecretValue(r -> r.secretId(names.secret()).secretString(hand)).versionId();
    DriftReport r = check(false);
    ResourceDrift secret = of(r, "secret");
    assertEquals(ResourceStatus.MODIFIED, secret.status());
    assertEquals(1, secret.differences().size(), secret.toString());
    PropertyDiff d = secret.differences().get(0);
    assertEquals("currentVersion", d.path());
    assertTrue(((String) d.actual()).startsWith(version + " (the deploy recorded "), d.toString());
    assertFalse(r.toString().contains("typed-by-hand-7"), "never the value");

    DriftReport healed = check(true);
    assertTrue(healed.heal().changes().contains("secret UPDATED"), healed.heal().changes().toString());
    assertInSync(healed.heal().after());
  }

  @Test
  void aSecretScheduledForDeletion_isDeleted_andHealRestoresIt() {
    rig.deploy(req);
    rig.aws.secrets(DestroyRig.REGION).deleteSecret(r -> r.secretId(names.secret()).recoveryWindowInDays(7L));
    DriftReport r = check(true);
    assertEquals(ResourceStatus.DELETED, of(r, "secret").status());
    assertTrue(r.heal().succeeded(), r.heal().toString());
    assertTrue(r.heal().changes().contains("secret RESTORED"), r.heal().changes().toString());
    assertInSync(r.heal().after());
    assertEquals("HEALED", r.verdict());
  }

  @Test
  void anEditedPolicy_anotherImage_andADeletedHarness_areReportedByResourcePropertyAndKind_andHealConverges() {
    DeploySummary deployed = rig.deploy(req);
    // an inline policy of the harness role, edited by hand
    String policy = rig.aws.iam().listRolePolicies(r -> r.roleName(names.harnessRole())).policyNames().get(0);
    rig.aws.iam().putRolePolicy(r -> r.roleName(names.harnessRole()).policyName(policy).policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
    // the service rolled to another image through the SDK
    ECSExpressGatewayService service = rig.aws.ecs(DestroyRig.REGION)
        .describeExpressGatewayService(r -> r.serviceArn(deployed.serviceArn())).service();
    List<ExpressGatewayServiceConfiguration> configs = service.activeConfigurations();
    ExpressGatewayContainer live = configs.get(configs.size() - 1).primaryContainer();
    String other = "public.ecr.aws/example/other-mcp:9";
    rig.aws.ecs(DestroyRig.REGION).updateExpressGatewayService(r -> r.serviceArn(deployed.serviceArn())
        .primaryContainer(live.toBuilder().image(other).build()));
    // the harness deleted
    rig.aws.harness(DestroyRig.REGION).deleteHarness(deployed.harnessId(), UUID.randomUUID().toString());

    long seq = rig.api.lastSeq();
    DriftReport r = check(false);
    ResourceDrift role = of(r, "harness-role");
    assertEquals(ResourceStatus.MODIFIED, role.status());
    assertFalse(role.differences().isEmpty());
    role.differences().forEach(d -> assertTrue(d.path().startsWith("inlinePolicies." + policy + "."), d.toString()));
    assertTrue(role.differences().stream().anyMatch(d -> d.kind() == PropertyDiff.Kind.NOT_EQUAL
        && d.actual().equals("s3:GetObject")), role.differences().toString());
    ResourceDrift svc = of(r, "service");
    assertEquals(ResourceStatus.MODIFIED, svc.status());
    assertEquals(List.of(new PropertyDiff("image", req.imageUri(), other, PropertyDiff.Kind.NOT_EQUAL)),
        svc.differences(), "only the image");
    assertEquals(ResourceStatus.DELETED, of(r, "harness").status());
    assertEquals("DRIFTED: service MODIFIED, harness-role MODIFIED, harness DELETED", r.summary());
    assertOnlyReadsAfter(seq);

    DriftReport healed = check(true);
    assertNotNull(healed.heal());
    assertTrue(healed.heal().succeeded(), healed.heal().toString());
    assertEquals(req.key().workflowId(), healed.heal().deployWorkflowId());
    assertTrue(healed.heal().changes().containsAll(List.of("harness-role UPDATED", "service UPDATED", "harness CREATED")),
        healed.heal().changes().toString());
    assertInSync(healed.heal().after());
    assertEquals("HEALED", healed.verdict());
    assertInSync(check(false).resources());
  }

  @Test
  void aDeletedLogGroup_isDeleted_andHealRecreatesIt() {
    rig.deploy(req);
    rig.aws.logs(DestroyRig.REGION).deleteLogGroup(r -> r.logGroupName(names.logGroup()));
    long seq = rig.api.lastSeq();
    DriftReport r = check(false);
    assertEquals(ResourceStatus.DELETED, of(r, "log-group").status());
    assertEquals("needs log-group, which is DELETED", of(r, "service").reason());
    assertEquals("DRIFTED: log-group DELETED", r.summary());
    assertOnlyReadsAfter(seq);

    DriftReport healed = check(true);
    assertTrue(healed.heal().changes().contains("log-group CREATED"), healed.heal().changes().toString());
    assertInSync(healed.heal().after());
    assertInSync(check(false).resources());
  }
}
