package io.harnessdeployer.client.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.harnessdeployer.client.drift.DriftSchedules.Kind;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.workflowservice.v1.CreateScheduleRequest;
import io.temporal.api.workflowservice.v1.DeleteScheduleRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Schedule a drift schedule is: built (spec, policies, action, args, id, queue, memo), then as
 * it goes on the wire to a server with Schedules (create, then update, delete, list); and how
 * Temporal's test server, which has none, answers.
 */
class DriftScheduleSpecTest {
  static final DeployRequest DEPLOY = DeployRequest.builder("demo", "eu-central-1", null).expectedAccount("123456789012").build();
  static final DeploymentKey KEY = DEPLOY.key();

  @Test
  void theScheduleChecksOnItsIntervalSkipsOverlapsAndPausesOnFailure() {
    Schedule s = DriftScheduleSpec.schedule(DriftRequest.once(DEPLOY, true), Duration.ofHours(6));

    assertEquals(1, s.getSpec().getIntervals().size());
    assertEquals(Duration.ofHours(6), s.getSpec().getIntervals().get(0).getEvery());
    assertEquals(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP, s.getPolicy().getOverlap());
    assertTrue(s.getPolicy().isPauseOnFailure());
    ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) s.getAction();
    assertEquals("DriftCheckWorkflow", action.getWorkflowType());
    assertEquals(DriftIds.scheduleId(KEY), action.getOptions().getWorkflowId());
    assertEquals("harness-deployer/eu-central-1/demo/drift-schedule", action.getOptions().getWorkflowId());
    assertEquals(TaskQueues.DEPLOY, action.getOptions().getTaskQueue());
    assertEquals(Map.of("deployment", "eu-central-1/demo"), action.getOptions().getMemo());
    DriftRequest arg = action.getArguments().get(0, DriftRequest.class);
    assertEquals(DriftRequest.once(DEPLOY, true), arg);
    assertNull(arg.every(), "each scheduled action is one check");

    ScheduleOptions o = DriftScheduleSpec.options(KEY);
    assertEquals(Map.of("deployment", "eu-central-1/demo"), o.getMemo());
    assertEquals("demo", o.getTypedSearchAttributes().get(SearchAttributes.DEPLOYMENT));
    assertEquals("eu-central-1", o.getTypedSearchAttributes().get(SearchAttributes.REGION));
  }

  @Test
  void onTheWire_createThenUpdateThenListThenDelete() throws Exception {
    try (SchedulesServer server = new SchedulesServer()) {
      DriftSchedules drift = new DriftSchedules(server.connection());

      DriftSchedules.Scheduled created = drift.schedule(DriftRequest.once(DEPLOY, false), Duration.ofHours(6));
      assertEquals(Kind.SCHEDULE_CREATED, created.kind());
      CreateScheduleRequest create = server.sent(CreateScheduleRequest.class).get(0);
      assertEquals("ns1", create.getNamespace());
      assertEquals("harness-deployer/eu-central-1/demo/drift-schedule", create.getScheduleId());
      var wire = create.getSchedule();
      assertEquals(6 * 3600, wire.getSpec().getInterval(0).getInterval().getSeconds());
      assertEquals(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP, wire.getPolicies().getOverlapPolicy());
      assertTrue(wire.getPolicies().getPauseOnFailure());
      var start = wire.getAction().getStartWorkflow();
      assertEquals("DriftCheckWorkflow", start.getWorkflowType().getName());
      assertEquals("harness-deployer/eu-central-1/demo/drift-schedule", start.getWorkflowId());
      assertEquals(TaskQueues.DEPLOY, start.getTaskQueue().getName());
      DriftRequest sent = DefaultDataConverter.newDefaultInstance().fromPayloads(0, Optional.of(start.getInput()),
          DriftRequest.class, DriftRequest.class);
      assertEquals(DriftRequest.once(DEPLOY, false), sent);
      assertTrue(create.getMemo().getFieldsMap().containsKey("deployment"));
      assertTrue(create.getSearchAttributes().getIndexedFieldsMap().containsKey("HarnessDeployment"));

      DriftSchedules.Scheduled updated = drift.schedule(DriftRequest.once(DEPLOY, true), Duration.ofMinutes(30));
      assertEquals(Kind.SCHEDULE_UPDATED, updated.kind());
      UpdateScheduleRequest update = server.sent(UpdateScheduleRequest.class).get(0);
      assertEquals(1800, update.getSchedule().getSpec().getInterval(0).getInterval().getSeconds());
      assertEquals(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP, update.getSchedule().getPolicies().getOverlapPolicy());
      assertTrue(DefaultDataConverter.newDefaultInstance().fromPayloads(0,
          Optional.of(update.getSchedule().getAction().getStartWorkflow().getInput()), DriftRequest.class,
          DriftRequest.class).heal());

      List<ScheduledChecks.ScheduledCheck> listed = new ScheduledChecks(server.connection()).list();
      assertEquals(List.of(new ScheduledChecks.ScheduledCheck("eu-central-1/demo",
          "harness-deployer/eu-central-1/demo/drift-schedule", "schedule", "30m", true, "2027-01-15T08:00:00Z", false)),
          listed);

      DriftSchedules.Removed removed = drift.unschedule(KEY, false);
      assertTrue(removed.schedule());
      assertNull(removed.loopRunId());
      assertEquals("harness-deployer/eu-central-1/demo/drift-schedule",
          server.sent(DeleteScheduleRequest.class).get(0).getScheduleId());
      assertTrue(drift.unschedule(KEY, false).nothing(), "a second unschedule finds nothing, and says so");
    }
  }

  @Test
  void onTheWire_destroysUnscheduleStopsTheRunningCheckThenDeletes() throws Exception {
    try (SchedulesServer server = new SchedulesServer()) {
      DriftSchedules drift = new DriftSchedules(server.connection());
      drift.schedule(DriftRequest.once(DEPLOY, true), Duration.ofHours(6));
      String id = DriftIds.scheduleId(KEY);
      String check = id + "-2026-12-02T12:00:00Z";
      server.running.put(id, List.of(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId(check)
          .setRunId("r1").build()));

      DriftSchedules.Removed removed = drift.unschedule(KEY, true);

      assertTrue(removed.schedule());
      assertEquals(List.of(check), removed.stoppedChecks());
      var terminate = server.sent(io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest.class);
      assertEquals(List.of(check), terminate.stream().map(t -> t.getWorkflowExecution().getWorkflowId()).toList());
      int terminated = server.requests.indexOf(terminate.get(0));
      int deleted = server.requests.indexOf(server.sent(DeleteScheduleRequest.class).get(0));
      assertTrue(terminated < deleted, "the running check is stopped while its schedule still names it");
      assertTrue(server.schedules.isEmpty());
    }
  }

  @Test
  void theTestServerHasNoSchedules_itAnswersUnimplemented() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ScheduleClient client = ScheduleClient.newInstance(env.getWorkflowServiceStubs());
      RuntimeException e = assertThrows(RuntimeException.class, () -> client.createSchedule("x",
          DriftScheduleSpec.schedule(DriftRequest.once(DEPLOY, false), Duration.ofHours(1)), ScheduleOptions.newBuilder().build()));
      assertTrue(DriftSchedules.noSchedules(e), e.toString());
      StatusRuntimeException grpc = (StatusRuntimeException) (e instanceof StatusRuntimeException ? e : e.getCause());
      assertEquals(Status.Code.UNIMPLEMENTED, grpc.getStatus().getCode());
      assertTrue(grpc.getMessage().contains("CreateSchedule"), grpc.getMessage());
      assertFalse(DriftSchedules.notFound(e));
    }
  }
}
