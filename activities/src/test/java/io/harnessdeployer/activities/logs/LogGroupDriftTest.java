package io.harnessdeployer.activities.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.LogGroupSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class LogGroupDriftTest {
  static final Scope RUN = EmulatorRig.scope("run-1");
  static EmulatorRig rig;
  static LogsActivitiesImpl impl;
  static CloudWatchLogsClient logs;
  static Drift drift;

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    logs = rig.aws.logs(EmulatorRig.REGION);
    impl = new LogsActivitiesImpl(rig.aws::logs);
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
    return drift.diff("log-group", Map.of(), impl.describeLogGroup(new Lookup(RUN, Names.ECS_LOG_GROUP)));
  }

  @Test
  void afterEnsure_noDrift_andTheDescribeHasItsArn() {
    ResourceRef ref = impl.ensureLogGroup(new LogGroupSpec(RUN, Names.ECS_LOG_GROUP));
    assertEquals(List.of(), diff());
    assertEquals(ref.arn(), impl.describeLogGroup(new Lookup(RUN, Names.ECS_LOG_GROUP)).properties().get("arn"));
  }

  @Test
  void untaggedAndRetagged_isReportedPerTag() {
    ResourceRef ref = impl.ensureLogGroup(new LogGroupSpec(RUN, Names.ECS_LOG_GROUP));
    logs.untagResource(r -> r.resourceArn(ref.arn()).tagKeys(Names.TAG_DEPLOYMENT));
    logs.tagResource(r -> r.resourceArn(ref.arn()).tags(Map.of(Names.TAG_INTEGRATION, "other")));
    assertEquals(List.of(
        new PropertyDiff("tags." + Names.TAG_DEPLOYMENT, RUN.deployment().tagValue(), null, Kind.REMOVE),
        new PropertyDiff("tags." + Names.TAG_INTEGRATION, Names.TAG_INTEGRATION_VALUE, "other", Kind.NOT_EQUAL)), diff());
  }

  @Test
  void onlyAPrefixMatch_isMissing() {
    impl.ensureLogGroup(new LogGroupSpec(RUN, Names.ECS_LOG_GROUP + "-other"));
    assertFalse(impl.describeLogGroup(new Lookup(RUN, Names.ECS_LOG_GROUP)).exists());
    assertEquals(List.of("name", "tags"), diff().stream().map(PropertyDiff::path).toList());
  }
}
