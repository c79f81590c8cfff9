package io.harnessdeployer.workflows.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.plan.PlanAction;
import io.harnessdeployer.workflows.plan.PlanReport;
import io.harnessdeployer.workflows.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plan: the same walk as drift, read as what a deploy would do; it writes nothing. */
class PlanWorkflowTest {
  private final FakeLive cloud = new FakeLive();
  private final DriftRig rig = new DriftRig(cloud.all());
  private final DeployRequest req = DriftRig.request(null).build();

  @AfterEach
  void close() {
    rig.close();
  }

  private PlannedResource of(PlanReport r, String id) {
    return r.resources().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void onAnEmptyAccount_everyResourceIsCreated() {
    PlanReport r = rig.plan(req).plan(req);
    assertEquals(DriftCheckWorkflowTest.RESOURCES, r.resources().stream().map(PlannedResource::id).toList());
    r.resources().forEach(p -> assertEquals(PlanAction.CREATE, p.action(), p.toString()));
    assertTrue(r.changes());
    assertEquals(List.of(), cloud.writes);
  }

  @Test
  void afterADeploy_everyResourceIsANoOp() {
    cloud.seed(req);
    PlanReport r = rig.plan(req).plan(req);
    r.resources().forEach(p -> assertEquals(PlanAction.NO_OP, p.action(), p.toString()));
    assertFalse(r.changes());
    assertEquals(List.of(), cloud.writes);
  }

  @Test
  void anotherImage_isAnUpdateOfTheService_withTheImage() {
    cloud.seed(req);
    DeployRequest newer = req.toBuilder().imageUri("public.ecr.aws/zscaler/mcp:2").build();
    PlannedResource service = of(rig.plan(newer).plan(newer), "service");
    assertEquals(PlanAction.UPDATE, service.action());
    assertEquals(List.of(new PropertyDiff("image", "public.ecr.aws/zscaler/mcp:2", req.imageUri(),
        PropertyDiff.Kind.NOT_EQUAL)), service.changes().stream().filter(d -> d.path().equals("image")).toList());
  }

  @Test
  void aMissingSecret_isCreated_andWhatNeedsItIsUpdatedAfterIt() {
    cloud.seed(req);
    cloud.live.remove(req.names().secret());
    PlanReport r = rig.plan(req).plan(req);
    assertEquals(PlanAction.CREATE, of(r, "secret").action());
    for (String id : List.of("task-execution-role", "service")) {
      assertEquals(PlanAction.UPDATE, of(r, id).action(), id);
      assertEquals("secret is created first", of(r, id).reason());
    }
    assertEquals(PlanAction.NO_OP, of(r, "harness").action());
  }

  @Test
  void anotherDeploymentsResource_isAConflict_andAnUntaggedCluster_isAdoptedAsItIs() {
    cloud.seed(req);
    Map<String, String> other = new TreeMap<>(cloud.live.get(req.names().logGroup()).tags());
    other.put(Names.TAG_DEPLOYMENT, "us-east-1/other");
    cloud.retag(req.names().logGroup(), other);
    cloud.retag(req.names().cluster(), Map.of());
    cloud.retag(req.names().harness(), Map.of());
    PlanReport r = rig.plan(req).plan(req);
    PlannedResource logGroup = of(r, "log-group");
    assertEquals(PlanAction.CONFLICT, logGroup.action());
    assertTrue(logGroup.reason().contains("us-east-1/other") && logGroup.reason().contains("--ecs-log-group"), logGroup.reason());
    PlannedResource cluster = of(r, "cluster");
    assertEquals(PlanAction.ADOPT, cluster.action());
    assertEquals(List.of(), cluster.changes(), "never tagged: nothing would change");
    assertEquals(PlanAction.CONFLICT, of(r, "harness").action(), "a harness is only ever its own deployment's");
    assertTrue(r.conflicts());
  }
}
