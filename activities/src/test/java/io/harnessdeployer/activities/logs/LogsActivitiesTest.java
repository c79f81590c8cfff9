package io.harnessdeployer.activities.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.LogGroupSpec;
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

class LogsActivitiesTest {
  static EmulatorRig rig;
  static LogsActivitiesImpl logs;
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    logs = new LogsActivitiesImpl(rig.aws::logs);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  List<Map<String, Object>> groups() {
    return rig.resources("logs").stream().filter(r -> "log-group".equals(r.get("type"))).toList();
  }

  @Test
  void ensureLogGroup_twice_createsOnce_rerunAdopts() {
    ResourceRef first = logs.ensureLogGroup(new LogGroupSpec(RUN_1, Names.ECS_LOG_GROUP));
    ResourceRef retry = logs.ensureLogGroup(new LogGroupSpec(RUN_1, Names.ECS_LOG_GROUP));
    ResourceRef rerun = logs.ensureLogGroup(new LogGroupSpec(RUN_2, Names.ECS_LOG_GROUP));
    assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.ADOPTED),
        List.of(first.outcome(), retry.outcome(), rerun.outcome()));
    assertEquals(1, rig.count("logs", "CreateLogGroup"));
    assertEquals(1, groups().size());
    assertEquals(RUN_1.tags(), groups().get(0).get("tags"));
    assertFalse(first.arn().endsWith(":*"), first.arn());
  }

  @Test
  void prefixSiblings_areNotMistakenForTheGroup() {
    rig.aws.logs(EmulatorRig.REGION).createLogGroup(r -> r.logGroupName(Names.ECS_LOG_GROUP + "-other"));
    assertEquals(Outcome.CREATED, logs.ensureLogGroup(new LogGroupSpec(RUN_1, Names.ECS_LOG_GROUP)).outcome());
    assertEquals(DeleteOutcome.DELETED, logs.deleteLogGroup(
        new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, Names.ECS_LOG_GROUP)).outcome());
    assertEquals(1, groups().size());
  }

  @Test
  void deleteLogGroup_ownershipAndIdempotence() {
    rig.aws.logs(EmulatorRig.REGION).createLogGroup(r -> r.logGroupName("/operators/own"));
    logs.ensureLogGroup(new LogGroupSpec(RUN_1, Names.ECS_LOG_GROUP));
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, logs.deleteLogGroup(
        new ResourceDelete(RUN_1, DeleteMode.DEPLOYMENT, "/operators/own")).outcome());
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, logs.deleteLogGroup(
        new ResourceDelete(RUN_2, DeleteMode.THIS_RUN, Names.ECS_LOG_GROUP)).outcome());
    assertEquals(DeleteOutcome.DELETED, logs.deleteLogGroup(
        new ResourceDelete(RUN_2, DeleteMode.DEPLOYMENT, Names.ECS_LOG_GROUP)).outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE, logs.deleteLogGroup(
        new ResourceDelete(RUN_2, DeleteMode.DEPLOYMENT, Names.ECS_LOG_GROUP)).outcome());
    assertEquals(1, groups().size());
  }

  @Test
  void faults_throttlingRetryable_accessDeniedNot() {
    rig.fault("logs", "CreateLogGroup", "ThrottlingException", 400, 5);
    ApplicationFailure t = assertThrows(ApplicationFailure.class,
        () -> logs.ensureLogGroup(new LogGroupSpec(RUN_1, "/g")));
    assertEquals(FailureTypes.THROTTLING, t.getType());
    assertFalse(t.isNonRetryable());
    rig.emulator.faults().clear();
    rig.fault("logs", "CreateLogGroup", "AccessDeniedException", 400, 1);
    ApplicationFailure d = assertThrows(ApplicationFailure.class,
        () -> logs.ensureLogGroup(new LogGroupSpec(RUN_1, "/g")));
    assertEquals(FailureTypes.ACCESS_DENIED, d.getType());
    assertTrue(d.isNonRetryable());
  }
}
