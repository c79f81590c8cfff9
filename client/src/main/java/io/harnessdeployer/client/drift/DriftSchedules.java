package io.harnessdeployer.client.drift;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.client.temporal.TemporalErrors;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deployment's scheduled drift checks: a Temporal Schedule, or, on a server without Schedules
 * (Temporal's test server, which the local stack runs), a timer loop of the same workflow type on
 * the schedule's id.
 */
public final class DriftSchedules {
  /** How a schedule request was carried out. */
  public enum Kind { SCHEDULE_CREATED, SCHEDULE_UPDATED, LOOP_STARTED, LOOP_REPLACED }

  public record Scheduled(Kind kind, String id, String runId) {
    public boolean loop() {
      return kind == Kind.LOOP_STARTED || kind == Kind.LOOP_REPLACED;
    }
  }

  /**
   * What an unschedule found and did.
   *
   * @param loopRunId the timer loop signalled (or terminated), null when none ran
   * @param stoppedChecks scheduled checks that were running and were terminated (destroy only)
   */
  public record Removed(String id, boolean schedule, String loopRunId, List<String> stoppedChecks) {
    public boolean nothing() {
      return !schedule && loopRunId == null && stoppedChecks.isEmpty();
    }
  }

  private final TemporalConnection conn;
  private final WorkflowClient client;
  private final ScheduleClient schedules;

  public DriftSchedules(TemporalConnection conn) {
    this.conn = conn;
    this.client = conn.client();
    this.schedules = ScheduleClient.newInstance(client.getWorkflowServiceStubs(), ScheduleClientOptions.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setDataConverter(client.getOptions().getDataConverter())
        .setIdentity(client.getOptions().getIdentity())
        .build());
  }

  /** Creates or updates the schedule; on a server without Schedules starts (or replaces) the loop. */
  public Scheduled schedule(DriftRequest check, Duration every) {
    DeploymentKey key = check.deploy().key();
    String id = DriftIds.scheduleId(key);
    Schedule schedule = DriftScheduleSpec.schedule(check, every);
    try {
      try {
        schedules.createSchedule(id, schedule, DriftScheduleSpec.options(key));
        return new Scheduled(Kind.SCHEDULE_CREATED, id, null);
      } catch (ScheduleAlreadyRunningException exists) {
        schedules.getHandle(id).update(input -> new ScheduleUpdate(schedule));
        return new Scheduled(Kind.SCHEDULE_UPDATED, id, null);
      }
    } catch (RuntimeException e) {
      if (!noSchedules(e)) {
        throw TemporalErrors.translate(e, conn);
      }
    }
    return startLoop(new DriftRequest(check.deploy(), check.heal(), every));
  }

  private Scheduled startLoop(DriftRequest loop) {
    DeploymentKey key = loop.deploy().key();
    String id = DriftIds.scheduleId(key);
    try {
      Optional<WorkflowExecutionDescription> running = openLoop(id);
      running.ifPresent(d -> stub(id, d).terminate("replaced by a new drift schedule"));
      WorkflowOptions options = WorkflowOptions.newBuilder()
          .setWorkflowId(id)
          .setTaskQueue(TaskQueues.DEPLOY)
          .setMemo(DriftScheduleSpec.memo(key))
          .setStaticSummary(DriftScheduleSpec.summary(key, loop.heal(), loop.every()))
          .build();
      WorkflowExecution run = WorkflowClient.start(
          client.newWorkflowStub(DriftCheckWorkflow.class, options)::check, loop);
      return new Scheduled(running.isPresent() ? Kind.LOOP_REPLACED : Kind.LOOP_STARTED, id, run.getRunId());
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
  }

  /**
   * Deletes the schedule and asks the loop to end after its check in progress. With {@code
   * stopChecks} (destroy), the loop and any check the schedule has running are terminated at once,
   * so no heal can recreate what the destroy deletes.
   */
  public Removed unschedule(DeploymentKey key, boolean stopChecks) {
    String id = DriftIds.scheduleId(key);
    List<String> stopped = new ArrayList<>();
    boolean deleted = false;
    try {
      ScheduleHandle handle = schedules.getHandle(id);
      if (stopChecks) {
        for (var action : handle.describe().getInfo().getRunningActions()) {
          if (action instanceof ScheduleActionExecutionStartWorkflow started) {
            terminate(started.getWorkflowId(), "its deployment is being destroyed");
            stopped.add(started.getWorkflowId());
          }
        }
      }
      handle.delete();
      deleted = true;
    } catch (RuntimeException e) {
      if (!noSchedules(e) && !notFound(e)) {
        throw TemporalErrors.translate(e, conn);
      }
    }
    try {
      String loopRun = openLoop(id).map(d -> {
        if (stopChecks) {
          stub(id, d).terminate("its deployment is being destroyed");
        } else {
          client.newWorkflowStub(DriftCheckWorkflow.class, id, Optional.of(d.getExecution().getRunId())).unschedule();
        }
        return d.getExecution().getRunId();
      }).orElse(null);
      return new Removed(id, deleted, loopRun, stopped);
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
  }

  private void terminate(String workflowId, String reason) {
    try {
      client.newUntypedWorkflowStub(workflowId).terminate(reason);
    } catch (WorkflowNotFoundException ended) {
      // it ended between the describe and now
    }
  }

  Optional<WorkflowExecutionDescription> openLoop(String id) {
    try {
      WorkflowExecutionDescription d = client.newUntypedWorkflowStub(id).describe();
      return d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING ? Optional.of(d) : Optional.empty();
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      if (notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private WorkflowStub stub(String id, WorkflowExecutionDescription d) {
    return client.newUntypedWorkflowStub(id, Optional.of(d.getExecution().getRunId()), Optional.empty());
  }

  ScheduleClient scheduleClient() {
    return schedules;
  }

  WorkflowClient client() {
    return client;
  }

  /**
   * The test server answers every schedule call UNIMPLEMENTED ("Method ...WorkflowService/CreateSchedule
   * is unimplemented"); another missing method is not this.
   */
  static boolean noSchedules(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre) {
        return sre.getStatus().getCode() == Status.Code.UNIMPLEMENTED && String.valueOf(sre.getMessage()).contains("Schedule");
      }
    }
    return false;
  }

  static boolean notFound(Throwable e) {
    return Deployments.notFound(e);
  }

}
