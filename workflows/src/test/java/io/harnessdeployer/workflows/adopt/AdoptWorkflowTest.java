package io.harnessdeployer.workflows.adopt;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adopt workflow on fake activities: plan, apply, refusal, changed plans, bad input. */
class AdoptWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension ext = extension();

  static final Map<String, String> ORIGINAL = Names.standardTags();
  static final ResourceNames N = ResourceNames.defaults();

  private final FakeAdoptionCloud cloud = new FakeAdoptionCloud();
  private WorkflowClient client;
  private WorkflowOptions options;

  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder b = TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(
            WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(NullPointerException.class, IllegalStateException.class,
                    IllegalArgumentException.class, ClassCastException.class)
                .build(),
            AdoptWorkflowImpl.class)
        .setWorkerOptions(WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build())
        .setDoNotStart(true);
    SearchAttributes.ALL.forEach(k -> b.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return b.build();
  }

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(cloud);
    env.start();
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  /** Everything an ecs deploy of the original leaves: its tags on all but the log group and harness. */
  void originalDeploy() {
    for (String name : List.of(N.secret(), N.taskExecutionRole(), N.infrastructureRole(), N.cluster(), N.service(),
        N.apiKeyProvider(), N.harnessRole())) {
      cloud.put(name, ORIGINAL);
    }
    cloud.put(N.logGroup(), Map.of());
    cloud.put(N.harness(), Map.of());
  }

  AdoptRequest plan(String deployment) {
    return AdoptRequest.plan(deployment, "us-east-1", N, null, null, true);
  }

  AdoptReport run(AdoptRequest req) {
    return client.newWorkflowStub(AdoptWorkflow.class, WorkflowOptions.newBuilder(options)
        .setWorkflowId(req.key().workflowId()).build()).adopt(req);
  }

  static Map<String, AdoptVerdict> verdicts(AdoptReport r) {
    return r.resources().stream().collect(Collectors.toMap(f -> f.target().step(), AdoptFinding::verdict,
        (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void plan_looksAtEveryResourceInTopologyOrder_andTagsNothing() {
    originalDeploy();

    AdoptReport plan = run(plan("legacy"));

    assertEquals(AdoptStatus.PLANNED, plan.status());
    assertEquals(List.of("secret", "task-execution-role", "infrastructure-role", "cluster", "log-group", "service",
        "credential-provider", "harness-role", "harness"), List.copyOf(verdicts(plan).keySet()));
    assertTrue(verdicts(plan).values().stream().allMatch(v -> v == AdoptVerdict.WILL_TAG), plan.toString());
    assertEquals(List.of(), cloud.tagCalls);
    assertEquals("zscaler-mcp", plan.resources().get(5).target().within(), "the service is looked for in its cluster");
    assertEquals(List.of("task definitions zscaler-mcp-zscaler-mcp-server follow the service: destroy deletes them with it"),
        plan.notes());
  }

  @Test
  void applyOfTheConfirmedPlan_tagsWithOurTagsButNoRunTag_andASecondRunTagsNothing() {
    originalDeploy();
    AdoptRequest req = plan("legacy");
    AdoptReport plan = run(req);

    AdoptReport applied = run(req.applying(plan.resources()));

    assertEquals(AdoptStatus.ADOPTED, applied.status());
    assertTrue(verdicts(applied).values().stream().allMatch(v -> v == AdoptVerdict.TAGGED), applied.toString());
    assertEquals(9, cloud.tagCalls.size());
    Map<String, String> harnessTags = cloud.resources.get(N.harness());
    assertEquals("us-east-1/legacy", harnessTags.get(Names.TAG_DEPLOYMENT));
    assertEquals(Names.TAG_MANAGED_BY_VALUE, harnessTags.get(Names.TAG_MANAGED_BY));
    assertFalse(harnessTags.containsKey(Names.TAG_RUN), "no run made it, so no rollback may delete it");

    AdoptReport again = run(req.applying(run(req).resources()));
    assertEquals(AdoptStatus.NOTHING_TO_DO, again.status());
    assertTrue(verdicts(again).values().stream().allMatch(v -> v == AdoptVerdict.ALREADY_OURS), again.toString());
    assertEquals(9, cloud.tagCalls.size(), "idempotent: nothing new tagged");
  }

  @Test
  void aResourceOfAnotherDeployment_refusesTheWholeAdopt_withItsOwnerNamed() {
    originalDeploy();
    cloud.put(N.service(), Map.of(Names.TAG_DEPLOYMENT, "us-east-1/other"));
    AdoptRequest req = plan("legacy");

    AdoptReport refused = run(req.applying(null));

    assertEquals(AdoptStatus.REFUSED, refused.status());
    AdoptFinding service = refused.resources().get(5);
    assertEquals(AdoptVerdict.REFUSED, service.verdict());
    assertEquals("us-east-1/other", service.owner());
    assertEquals("belongs to deployment us-east-1/other: refused", service.detail());
    assertEquals(List.of(), cloud.tagCalls, "nothing at all is tagged");
  }

  @Test
  void aPreExistingClusterIsLeftAlone_andMissingResourcesAreReported() {
    originalDeploy();
    cloud.put(N.cluster(), Map.of("team", "platform")); // not the original's: no managed-by tag
    cloud.resources.remove(N.harness());
    AdoptRequest req = plan("legacy");

    AdoptReport applied = run(req.applying(run(req).resources()));

    assertEquals(AdoptVerdict.LEFT_ALONE, verdicts(applied).get("cluster"));
    assertEquals(AdoptVerdict.MISSING, verdicts(applied).get("harness"));
    assertEquals(Map.of("team", "platform"), cloud.resources.get(N.cluster()));
    assertEquals(7, cloud.tagCalls.size());
    assertFalse(cloud.tagCalls.contains(N.cluster()));
  }

  @Test
  void aPlanThatChangedBeforeTheApply_tagsNothing() {
    originalDeploy();
    AdoptRequest req = plan("legacy");
    AdoptReport plan = run(req);
    cloud.resources.remove(N.logGroup()); // deleted by someone between plan and apply

    AdoptReport applied = run(req.applying(plan.resources()));

    assertEquals(AdoptStatus.PLAN_CHANGED, applied.status());
    assertTrue(applied.notes().get(0).startsWith("what adopt finds now differs from the plan you confirmed"));
    assertEquals(List.of(), cloud.tagCalls);
  }

  @Test
  void stateFileNames_externalHostAndHarnessId_chooseTheTargets() {
    cloud.put("hid-123", Map.of());
    cloud.put(N.apiKeyProvider(), ORIGINAL);
    AdoptRequest req = AdoptRequest.plan("legacy", "us-east-1", N, "hid-123", null, false);

    AdoptReport plan = run(req);

    assertEquals(List.of("credential-provider", "harness-role", "harness"), List.copyOf(verdicts(plan).keySet()));
    assertEquals("hid-123", plan.resources().get(2).target().id());
    assertEquals(AdoptVerdict.WILL_TAG, verdicts(plan).get("harness"), "found by its id");
    assertEquals(AdoptVerdict.MISSING, verdicts(plan).get("harness-role"));
  }

  @Test
  void aBringYourOwnSecretIsNoTarget_andANoteSaysSo() {
    originalDeploy();
    AdoptReport plan = run(AdoptRequest.plan("legacy", "us-east-1", N, null, "team/own", true));

    assertFalse(verdicts(plan).containsKey("secret"));
    assertEquals("secret team/own is the original's bring-your-own secret: never tagged or deleted", plan.notes().get(0));
  }

  @Test
  void invalidRequests_failAsValidation_beforeAnyCall() {
    List<AdoptRequest> bad = List.of(
        AdoptRequest.plan("not a name", "us-east-1", N, null, null, true),
        AdoptRequest.plan("legacy", "moon-1", N, null, null, true),
        AdoptRequest.plan("legacy", "us-east-1", N.withCluster(" "), null, null, true));
    int n = 0;
    for (AdoptRequest req : bad) {
      AdoptWorkflow wf = client.newWorkflowStub(AdoptWorkflow.class,
          WorkflowOptions.newBuilder(options).setWorkflowId("bad-" + n++).build());
      WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.adopt(req));
      assertEquals(FailureTypes.VALIDATION, ((ApplicationFailure) e.getCause()).getType(), req.toString());
    }
    assertEquals(List.of(), cloud.tagCalls);
  }
}
