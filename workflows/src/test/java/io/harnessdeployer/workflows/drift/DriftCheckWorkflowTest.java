package io.harnessdeployer.workflows.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One drift check over fake live resources: the mapping of the walk to CloudFormation's words. */
class DriftCheckWorkflowTest {
  static final List<String> RESOURCES = List.of("secret", "task-execution-role", "infrastructure-role", "cluster",
      "log-group", "service", "credential-provider", "harness-role", "harness");

  static final Sealed SEALED = new Sealed("k", "iv", "ct");

  private final FakeLive cloud = new FakeLive();
  private final DriftRig rig = new DriftRig(cloud.all());
  private final DeployRequest req = DriftRig.request(null).build();
  private final ResourceNames names = req.names();

  @AfterEach
  void close() {
    rig.close();
  }

  private static Map<String, ResourceStatus> statuses(DriftReport r) {
    return r.resources().stream().collect(Collectors.toMap(ResourceDrift::id, ResourceDrift::status, (a, b) -> a, TreeMap::new));
  }

  private static ResourceDrift of(DriftReport r, String id) {
    return r.resources().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void afterADeploy_everyResourceIsInSync_withDescribesAndStsOnly_andTheVerdictIsPublished() {
    cloud.seed(req);
    DriftReport r = rig.checkOnce(req, false);
    assertEquals(RESOURCES, r.resources().stream().map(ResourceDrift::id).toList(), "graph order, checks not listed");
    r.resources().forEach(d -> assertEquals(ResourceStatus.IN_SYNC, d.status(), d.toString()));
    assertEquals("IN_SYNC", r.verdict());
    assertEquals("IN_SYNC: 9 resources checked", r.summary());
    assertTrue(cloud.calls.stream().allMatch(c -> c.startsWith("describe") || c.startsWith("callerIdentity")), cloud.calls.toString());
    assertEquals(9, cloud.describes(), "each resource described once: " + cloud.calls);
    assertEquals(List.of(), cloud.writes);
    WorkflowStub stub = rig.client.newUntypedWorkflowStub(DriftIds.checkId(req.key()));
    io.temporal.common.SearchAttributes sa = stub.describe().getTypedSearchAttributes();
    assertEquals("IN_SYNC", sa.get(SearchAttributes.DRIFT));
    assertEquals("dev", sa.get(SearchAttributes.DEPLOYMENT));
    assertEquals("us-east-1", sa.get(SearchAttributes.REGION));
  }

  @Test
  void aDeletedSecret_isDeleted_andWhatNeedsItsArnIsNotChecked() {
    cloud.seed(req);
    cloud.live.remove(names.secret());
    DriftReport r = rig.checkOnce(req, false);
    Map<String, ResourceStatus> s = statuses(r);
    assertEquals(ResourceStatus.DELETED, s.get("secret"));
    for (String id : List.of("task-execution-role", "service")) {
      assertEquals(ResourceStatus.NOT_CHECKED, s.get(id), id);
      assertEquals("needs secret, which is DELETED", of(r, id).reason());
    }
    for (String id : List.of("infrastructure-role", "cluster", "log-group", "credential-provider", "harness-role", "harness")) {
      assertEquals(ResourceStatus.IN_SYNC, s.get(id), id + " does not need the secret");
    }
    assertEquals("DRIFTED", r.verdict());
    assertEquals("DRIFTED: secret DELETED", r.summary());
  }

  @Test
  void aSecretScheduledForDeletion_isDeleted() {
    cloud.seed(req);
    cloud.edit(names.secret(), "deleted", true);
    assertEquals(ResourceStatus.DELETED, statuses(rig.checkOnce(req, false)).get("secret"));
  }

  @Test
  void anotherImage_isModified_withTheImageNotEqual() {
    cloud.seed(req);
    cloud.edit(names.service(), "image", "public.ecr.aws/other/image:1");
    DriftReport r = rig.checkOnce(req, false);
    ResourceDrift service = of(r, "service");
    assertEquals(ResourceStatus.MODIFIED, service.status());
    assertEquals(List.of(new PropertyDiff("image", req.imageUri(), "public.ecr.aws/other/image:1", Kind.NOT_EQUAL)),
        service.differences());
    assertEquals("DRIFTED: service MODIFIED", r.summary());
  }

  @Test
  void anEditedInlinePolicy_isModified_byPath_andAnExtraPolicyIsAnAdd() {
    cloud.seed(req);
    @SuppressWarnings("unchecked")
    Map<String, Object> policies = new TreeMap<>((Map<String, Object>) cloud.live.get(names.harnessRole()).properties().get("inlinePolicies"));
    String name = policies.keySet().iterator().next();
    policies.put("Extra", Map.of("Version", "2012-10-17"));
    cloud.edit(names.harnessRole(), "inlinePolicies", policies);
    ResourceDrift role = of(rig.checkOnce(req, false), "harness-role");
    assertEquals(ResourceStatus.MODIFIED, role.status());
    assertEquals(List.of(new PropertyDiff("inlinePolicies.Extra", null, Map.of("Version", "2012-10-17"), Kind.ADD)),
        role.differences(), "the policy " + name + " itself is unchanged");
  }

  @Test
  void aServiceWithoutAnEndpoint_leavesTheHarnessNotChecked() {
    cloud.seed(req);
    cloud.edit(names.service(), "endpoint", null);
    DriftReport r = rig.checkOnce(req, false);
    assertEquals(ResourceStatus.IN_SYNC, of(r, "service").status());
    assertEquals(ResourceStatus.NOT_CHECKED, of(r, "harness").status());
    assertEquals("needs service-active, which has no public endpoint", of(r, "harness").reason());
    assertEquals("IN_SYNC", r.verdict(), "not checked is not drift");
  }

  @Test
  void aDeletedService_isDeleted_andTheHarnessIsNotChecked() {
    cloud.seed(req);
    cloud.live.remove(names.service());
    DriftReport r = rig.checkOnce(req, false);
    assertEquals(ResourceStatus.DELETED, of(r, "service").status());
    assertEquals("needs service, which is DELETED", of(r, "harness").reason());
  }

  @Test
  void healWithoutCredentials_isAnInvalidRequest() {
    cloud.seed(req);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> rig.checkOnce(req, true));
    ApplicationFailure cause = (ApplicationFailure) e.getCause();
    assertEquals("Validation", cause.getType());
    assertEquals(List.of(), cloud.calls, "refused before any call");
  }

  @Test
  void healWhileADeployRuns_isAFailedHeal_notAFailedCheck_andNothingIsWrittenByTheCheck() {
    DeployRequest withCredentials = DriftRig.request(SEALED).build();
    cloud.seed(withCredentials);
    cloud.live.remove(names.logGroup());
    // a deploy of the same deployment, paused: every write of this cloud is refused
    DeployWorkflow running = rig.client.newWorkflowStub(DeployWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(withCredentials.key().workflowId()).build());
    WorkflowClient.start(running::deploy, withCredentials);
    awaitPaused(running);
    int writesOfTheDeploy = cloud.writes.size();

    DriftReport r = rig.checkOnce(withCredentials, true);
    assertEquals(ResourceStatus.DELETED, of(r, "log-group").status());
    assertFalse(r.heal().succeeded());
    assertEquals(withCredentials.key().workflowId(), r.heal().deployWorkflowId());
    assertTrue(r.heal().error().startsWith("WorkflowExecutionAlreadyStarted"), r.heal().error());
    assertEquals(List.of(), r.heal().after());
    assertEquals("HEAL_FAILED", r.verdict());
    assertEquals(writesOfTheDeploy, cloud.writes.size(), "the check wrote nothing: " + cloud.writes);
    rig.client.newUntypedWorkflowStub(withCredentials.key().workflowId()).terminate("test over");
  }

  private void awaitPaused(DeployWorkflow wf) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (wf.progress().status() == DeployStatus.PAUSED) {
          return;
        }
      } catch (io.temporal.client.WorkflowQueryException e) {
        // not started yet
      }
      rig.env.sleep(java.time.Duration.ofSeconds(1));
    }
    throw new AssertionError("deploy never paused: " + cloud.writes);
  }

  @Test
  void inSync_withHeal_runsNoDeploy() {
    DeployRequest withCredentials = DriftRig.request(SEALED).build();
    cloud.seed(withCredentials);
    DriftReport r = rig.checkOnce(withCredentials, true);
    assertNull(r.heal());
    assertEquals(List.of(), cloud.writes);
    assertEquals("IN_SYNC", r.verdict());
  }

  @Test
  void theDiffValues_areSortedJsonLike_afterThePayloadRoundTrip() {
    cloud.seed(req);
    cloud.edit(names.harnessRole(), "trustPolicy", Map.of("Version", "2012-10-17", "Statement", List.of()));
    ResourceDrift role = of(rig.checkOnce(req, false), "harness-role");
    assertEquals(ResourceStatus.MODIFIED, role.status());
    PropertyDiff removed = role.differences().stream().filter(d -> d.path().equals("trustPolicy.Statement[0]"))
        .findFirst().orElseThrow(() -> new AssertionError(role.toString()));
    assertEquals(Kind.REMOVE, removed.kind());
    List<String> keys = List.copyOf(((Map<?, ?>) removed.expected()).keySet().stream().map(String::valueOf).toList());
    assertEquals(keys.stream().sorted().toList(), keys, "keys in sorted order: " + removed);
  }
}
