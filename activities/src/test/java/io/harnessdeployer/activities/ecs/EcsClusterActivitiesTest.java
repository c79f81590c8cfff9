package io.harnessdeployer.activities.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.ClusterSpec;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ECS clusters against the real emulator: create once, adopt, ownership on delete, draining. */
class EcsClusterActivitiesTest {
  static EmulatorRig rig;
  static EcsActivitiesImpl ecs;
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    ecs = new EcsActivitiesImpl(rig.aws::ecs, rig.credentials, rig.polling);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  List<Map<String, Object>> activeClusters() {
    return rig.resources("ecs").stream()
        .filter(r -> "cluster".equals(r.get("type")) && "ACTIVE".equals(r.get("status"))).toList();
  }

  @Test
  void ensureCluster_twice_createsOnceAndTheSecondRunAdopts() {
    ResourceRef first = ecs.ensureCluster(new ClusterSpec(RUN_1, "zscaler-mcp"));
    ResourceRef retry = ecs.ensureCluster(new ClusterSpec(RUN_1, "zscaler-mcp"));
    ResourceRef rerun = ecs.ensureCluster(new ClusterSpec(RUN_2, "zscaler-mcp"));
    assertEquals(Outcome.CREATED, first.outcome());
    assertEquals(Outcome.CREATED, retry.outcome(), "a retry of the same run keeps its compensation");
    assertEquals(Outcome.ADOPTED, rerun.outcome());
    assertEquals(first.arn(), rerun.arn());
    assertEquals(1, rig.count("ecs", "CreateCluster"));
    List<Map<String, Object>> clusters = activeClusters();
    assertEquals(1, clusters.size());
    @SuppressWarnings("unchecked")
    Map<String, String> tags = (Map<String, String>) clusters.get(0).get("tags");
    assertEquals(RUN_1.tags(), tags, "created with the standard, deployment and run tags");
  }

  @Test
  void preExistingCluster_isAdoptedUntagged_andNeverDeleted() {
    rig.aws.ecs(EmulatorRig.REGION).createCluster(r -> r.clusterName("theirs"));
    ResourceRef ref = ecs.ensureCluster(new ClusterSpec(RUN_1, "theirs"));
    assertEquals(Outcome.ADOPTED, ref.outcome());
    assertEquals(1, rig.count("ecs", "CreateCluster"), "only the operator's own create");
    assertTrue(((Map<?, ?>) activeClusters().get(0).get("tags")).isEmpty(), "adopting adds no tags");
    for (DeleteMode mode : DeleteMode.values()) {
      assertEquals(DeleteOutcome.KEPT_NOT_OURS, ecs.deleteCluster(new ResourceDelete(RUN_1, mode, "theirs")).outcome());
    }
    assertEquals(1, activeClusters().size());
    assertEquals(0, rig.count("ecs", "DeleteCluster"));
  }

  @Test
  void deleteCluster_rollbackOfAnotherRunKeepsIt_destroyDeletes_thenAlreadyGone() {
    ecs.ensureCluster(new ClusterSpec(RUN_1, "zscaler-mcp"));
    assertEquals(DeleteOutcome.KEPT_NOT_OURS,
        ecs.deleteCluster(new ResourceDelete(RUN_2, DeleteMode.THIS_RUN, "zscaler-mcp")).outcome());
    assertEquals(DeleteOutcome.DELETED,
        ecs.deleteCluster(new ResourceDelete(RUN_2, DeleteMode.DEPLOYMENT, "zscaler-mcp")).outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE,
        ecs.deleteCluster(new ResourceDelete(RUN_2, DeleteMode.DEPLOYMENT, "zscaler-mcp")).outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE,
        ecs.deleteCluster(new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, "never-existed")).outcome());
    assertTrue(activeClusters().isEmpty());
    assertEquals(1, rig.count("ecs", "DeleteCluster"));
  }

  @Test
  void ensureCluster_afterDestroy_createsItAgain() {
    ecs.ensureCluster(new ClusterSpec(RUN_1, Names.ECS_CLUSTER));
    ecs.deleteCluster(new ResourceDelete(RUN_1, DeleteMode.DEPLOYMENT, Names.ECS_CLUSTER));
    assertEquals(Outcome.CREATED, ecs.ensureCluster(new ClusterSpec(RUN_2, Names.ECS_CLUSTER)).outcome());
    assertEquals(1, activeClusters().size());
  }

  @Test
  void faults_throttlingIsRetryable_accessDeniedIsNot() {
    rig.fault("ecs", "DescribeClusters", "ThrottlingException", 400, 5);
    ApplicationFailure throttled = assertThrows(ApplicationFailure.class,
        () -> ecs.ensureCluster(new ClusterSpec(RUN_1, "c1")));
    assertEquals(FailureTypes.THROTTLING, throttled.getType());
    assertFalse(throttled.isNonRetryable());
    rig.emulator.faults().clear();

    rig.fault("ecs", "CreateCluster", "AccessDeniedException", 400, 1);
    ApplicationFailure denied = assertThrows(ApplicationFailure.class,
        () -> ecs.ensureCluster(new ClusterSpec(RUN_1, "c1")));
    assertEquals(FailureTypes.ACCESS_DENIED, denied.getType());
    assertTrue(denied.isNonRetryable());
    assertTrue(denied.getOriginalMessage().startsWith("ECS ensure cluster c1: AccessDeniedException"),
        denied.getOriginalMessage());
    assertTrue(activeClusters().isEmpty());
  }
}
