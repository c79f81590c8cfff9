package io.harnessdeployer.activities.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.ClusterSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

class ClusterDriftTest {
  static final Scope RUN = EmulatorRig.scope("run-1");
  static EmulatorRig rig;
  static EcsActivitiesImpl impl;
  static EcsClient ecs;
  static Drift drift;

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    ecs = rig.aws.ecs(EmulatorRig.REGION);
    impl = new EcsActivitiesImpl(rig.aws::ecs, rig.credentials, rig.polling);
    drift = new Drift(DeployRequest.builder("it", EmulatorRig.REGION, rig.sealedCredentials()).build(), RUN);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  List<PropertyDiff> diff() {
    return drift.diff("cluster", Map.of(), impl.describeCluster(new Lookup(RUN, Names.ECS_CLUSTER)));
  }

  @Test
  void afterEnsure_noDrift() {
    impl.ensureCluster(new ClusterSpec(RUN, Names.ECS_CLUSTER));
    assertEquals(List.of(), diff());
  }

  @Test
  void theDescribe_carriesTheClusterArn_shownNotCompared() {
    String arn = impl.ensureCluster(new ClusterSpec(RUN, Names.ECS_CLUSTER)).arn();
    assertEquals("arn:aws:ecs:" + EmulatorRig.REGION + ":123456789012:cluster/" + Names.ECS_CLUSTER, arn);
    Observed seen = impl.describeCluster(new Lookup(RUN, Names.ECS_CLUSTER));
    assertEquals(Map.of("arn", arn), seen.properties());
    assertEquals(List.of(), diff(), "no desired state declares arn");
  }

  @Test
  void untaggedOrAnotherTag_isReportedPerTag() {
    String arn = impl.ensureCluster(new ClusterSpec(RUN, Names.ECS_CLUSTER)).arn();
    ecs.untagResource(r -> r.resourceArn(arn).tagKeys(Names.TAG_DEPLOYMENT));
    ecs.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("team").value("net")));
    assertEquals(List.of(new PropertyDiff("tags." + Names.TAG_DEPLOYMENT, RUN.deployment().tagValue(), null, Kind.REMOVE),
        new PropertyDiff("tags.team", null, "net", Kind.ADD)), diff());
  }

  @Test
  void missingOrDeleted_doesNotExist_statusAndTagsAreRemove() {
    assertFalse(impl.describeCluster(new Lookup(RUN, Names.ECS_CLUSTER)).exists());
    impl.ensureCluster(new ClusterSpec(RUN, Names.ECS_CLUSTER));
    ecs.deleteCluster(r -> r.cluster(Names.ECS_CLUSTER));
    Observed seen = impl.describeCluster(new Lookup(RUN, Names.ECS_CLUSTER));
    assertFalse(seen.exists(), "an INACTIVE cluster is a deleted one");
    assertEquals(List.of("status", "tags"), diff().stream().map(PropertyDiff::path).toList());
  }
}
