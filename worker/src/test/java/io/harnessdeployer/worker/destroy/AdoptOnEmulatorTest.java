package io.harnessdeployer.worker.destroy;

import static io.harnessdeployer.worker.destroy.DestroyRig.REGION;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.adopt.AdoptFinding;
import io.harnessdeployer.workflows.adopt.AdoptReport;
import io.harnessdeployer.workflows.adopt.AdoptRequest;
import io.harnessdeployer.workflows.adopt.AdoptStatus;
import io.harnessdeployer.workflows.adopt.AdoptVerdict;
import io.harnessdeployer.workflows.adopt.AdoptWorkflow;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.destroy.ResourceReport;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code adopt} on the real emulator, activities and workflows. The original tool's deployment is
 * made by deploying with ours and then stripping what ours adds: the deployment and run tags
 * everywhere, and every tag from the log group and the harness, which the original never tags.
 */
class AdoptOnEmulatorTest {
  static final String LEGACY = "legacy";
  static final String LEGACY_TAG = REGION + "/" + LEGACY;
  /** Resources the original tool creates without any tag (spec §7c, §4). */
  static final Set<String> NEVER_TAGGED = Set.of("logs log-group", "bedrock-agentcore-control harness");
  static final List<String> ALL_TAG_KEYS =
      List.of(Names.TAG_MANAGED_BY, Names.TAG_INTEGRATION, Names.TAG_DEPLOYMENT, Names.TAG_RUN);
  static final List<String> OUR_TAG_KEYS = List.of(Names.TAG_DEPLOYMENT, Names.TAG_RUN);

  private DestroyRig rig;

  @BeforeEach
  void start() {
    rig = new DestroyRig();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void adoptAfterTheOriginalsDeploy_thenOurDestroy_leavesZeroResources() {
    Set<CloudResource> original = originalDeploy(ResourceNames.defaults());
    assertEquals(Set.of(), rig.api.liveTagged(Names.TAG_DEPLOYMENT, DestroyRig.TAG_VALUE), "nothing carries our tag");
    AdoptRequest req = AdoptRequest.plan(LEGACY, REGION, ResourceNames.defaults(), null, null, true);

    long beforePlan = rig.api.lastSeq();
    AdoptReport plan = adopt(req);
    assertEquals(AdoptStatus.PLANNED, plan.status());
    assertEquals(9, plan.resources().size());
    assertTrue(plan.resources().stream().allMatch(f -> f.verdict() == AdoptVerdict.WILL_TAG), plan.toString());
    assertEquals(List.of(), writes(beforePlan), "the plan only looks");

    long beforeApply = rig.api.lastSeq();
    AdoptReport applied = adopt(req.applying(plan.resources()));
    assertEquals(AdoptStatus.ADOPTED, applied.status(), applied.toString());
    assertTrue(applied.resources().stream().allMatch(f -> f.verdict() == AdoptVerdict.TAGGED), applied.toString());
    assertEquals(List.of("bedrock-agentcore-control.TagResource", "bedrock-agentcore-control.TagResource",
        "ecs.TagResource", "ecs.TagResource", "iam.TagRole", "iam.TagRole", "iam.TagRole", "logs.TagResource",
        "secretsmanager.TagResource"), writes(beforeApply).stream().sorted().toList(),
        "tag calls only: no configuration is changed");
    Set<CloudResource> taggedForLegacy = rig.api.liveTagged(Names.TAG_DEPLOYMENT, LEGACY_TAG);
    assertEquals(original.stream().filter(r -> !r.type().equals("task-definition")).collect(Collectors.toSet()),
        taggedForLegacy, "everything but the untagged revisions, which follow the service");

    long beforeAgain = rig.api.lastSeq();
    AdoptReport again = adopt(req.applying(adopt(req).resources()));
    assertEquals(AdoptStatus.NOTHING_TO_DO, again.status());
    assertTrue(again.resources().stream().allMatch(f -> f.verdict() == AdoptVerdict.ALREADY_OURS), again.toString());
    assertEquals(List.of(), writes(beforeAgain), "idempotent: a second adopt tags nothing");

    DestroyReport destroyed = rig.destroy(DestroyRequest.builder(LEGACY, REGION).build());
    assertEquals(DestroyStatus.DESTROYED, destroyed.status(), destroyed.toString());
    assertTrue(destroyed.resources().stream().noneMatch(r -> r.outcome() == DestroyOutcome.KEPT_NOT_OURS),
        destroyed.toString());
    assertEquals(Map.of(), rig.api.live(), "zero resources remain");
  }

  @Test
  void aResourceOfAnotherDeployment_refusesTheAdopt_andNothingIsWritten() {
    originalDeploy(ResourceNames.defaults());
    Map<String, Object> service = resource("ecs", "express-service");
    rig.aws.ecs(REGION).tagResource(r -> r.resourceArn((String) service.get("arn")).tags(
        software.amazon.awssdk.services.ecs.model.Tag.builder().key(Names.TAG_DEPLOYMENT).value("us-east-1/other").build()));
    List<Map<String, Object>> before = rig.api.resources();
    long seq = rig.api.lastSeq();

    AdoptReport refused = adopt(AdoptRequest.plan(LEGACY, REGION, ResourceNames.defaults(), null, null, true)
        .applying(null));

    assertEquals(AdoptStatus.REFUSED, refused.status());
    List<AdoptFinding> refusals = refused.resources().stream().filter(f -> f.verdict() == AdoptVerdict.REFUSED).toList();
    assertEquals(1, refusals.size(), refused.toString());
    assertEquals("service", refusals.get(0).target().step());
    assertEquals("us-east-1/other", refusals.get(0).owner());
    assertEquals(List.of(), writes(seq), "request log: no write");
    assertEquals(before, rig.api.resources(), "every resource and its tags as they were");
  }

  @Test
  void stateFileNamesAndHarnessId_findTheOriginalsCustomResources_andDestroyByThemLeavesNothing() {
    ResourceNames custom = new ResourceNames("old_harness", "old-harness-role", "old-creds", "old-cluster",
        "old-service", "old-task-role", "old-infra-role", "/ecs/old", "old/credentials");
    originalDeploy(custom);
    String harnessId = (String) resource("bedrock-agentcore-control", "harness").get("arn");
    harnessId = harnessId.substring(harnessId.lastIndexOf('/') + 1);
    // the harness is found by the state file's id even when the name given is not its own
    AdoptRequest req = AdoptRequest.plan(LEGACY, REGION, custom.withHarness("not_its_name"), harnessId, null, true);

    AdoptReport plan = adopt(req);
    assertTrue(plan.resources().stream().allMatch(f -> f.verdict() == AdoptVerdict.WILL_TAG), plan.toString());
    assertEquals(AdoptStatus.ADOPTED, adopt(req.applying(plan.resources())).status());

    DestroyReport destroyed = rig.destroy(DestroyRequest.builder(LEGACY, REGION).names(custom).build());
    assertEquals(DestroyStatus.DESTROYED, destroyed.status(), destroyed.toString());
    assertEquals(Map.of(), rig.api.live(), "zero resources remain");
  }

  /**
   * What the original tool leaves: our deploy with these names, minus our deployment and run tags,
   * and minus every tag where the original sets none. Returns the live resources.
   */
  private Set<CloudResource> originalDeploy(ResourceNames names) {
    DeploySummary summary = rig.deploy(rig.deployRequest().names(names).build());
    assertNotNull(summary.harnessId());
    for (Map<String, Object> r : rig.api.resources()) {
      if (EmulatorApi.TOMBSTONES.contains(r.get("status"))) {
        continue;
      }
      String kind = r.get("service") + " " + r.get("type");
      String arn = (String) r.get("arn");
      List<String> keys = NEVER_TAGGED.contains(kind) ? ALL_TAG_KEYS : OUR_TAG_KEYS;
      switch (kind) {
        case "iam role" -> rig.aws.iam().untagRole(u -> u.roleName((String) r.get("name")).tagKeys(keys));
        case "secretsmanager secret" -> rig.aws.secrets(REGION).untagResource(u -> u.secretId(arn).tagKeys(keys));
        case "logs log-group" -> rig.aws.logs(REGION).untagResource(u -> u.resourceArn(arn).tagKeys(keys));
        case "ecs cluster", "ecs express-service" -> rig.aws.ecs(REGION).untagResource(u -> u.resourceArn(arn).tagKeys(keys));
        case "bedrock-agentcore-control apikey-credential-provider", "bedrock-agentcore-control harness" ->
            rig.aws.agentCore(REGION).untagResource(u -> u.resourceArn(arn).tagKeys(keys));
        case "ecs task-definition" -> { } // Express registers them untagged
        default -> fail("unexpected resource " + r);
      }
    }
    assertEquals(Map.of(Names.TAG_MANAGED_BY, Names.TAG_MANAGED_BY_VALUE, Names.TAG_INTEGRATION, Names.TAG_INTEGRATION_VALUE),
        resource("ecs", "cluster").get("tags"), "the original's own tags stay");
    assertEquals(Map.of(), resource("bedrock-agentcore-control", "harness").get("tags"));
    return rig.api.live().keySet();
  }

  private Map<String, Object> resource(String service, String type) {
    return rig.api.resources().stream()
        .filter(r -> service.equals(r.get("service")) && type.equals(r.get("type"))
            && !EmulatorApi.TOMBSTONES.contains(r.get("status")))
        .findFirst().orElseThrow();
  }

  private AdoptReport adopt(AdoptRequest req) {
    return rig.env.getWorkflowClient().newWorkflowStub(AdoptWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(req.key().workflowId())
        .setWorkflowRunTimeout(Duration.ofMinutes(30)).build()).adopt(req);
  }

  /** The calls after {@code seq} that are not reads. */
  private List<String> writes(long seq) {
    return rig.api.operationsAfter(seq).stream()
        .filter(op -> !op.matches(".*\\.(Get|Describe|List)[A-Za-z0-9]*")).toList();
  }
}
