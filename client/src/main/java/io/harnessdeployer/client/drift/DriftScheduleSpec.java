package io.harnessdeployer.client.drift;

import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Temporal Schedule of a deployment's drift checks: every {@code every}, a single check
 * ({@link DriftRequest#once}) on the deployment's schedule id; a check still running when the next
 * is due makes that one skip, and a failed check pauses the schedule until someone looks.
 */
public final class DriftScheduleSpec {
  /** Memo key naming the deployment ({@code region/name}) on schedules and timer loops. */
  public static final String MEMO_DEPLOYMENT = "deployment";

  private DriftScheduleSpec() {}

  public static Schedule schedule(DriftRequest check, Duration every) {
    DeploymentKey key = check.deploy().key();
    WorkflowOptions start = WorkflowOptions.newBuilder()
        .setWorkflowId(DriftIds.scheduleId(key))
        .setTaskQueue(TaskQueues.DEPLOY)
        .setMemo(memo(key))
        // no static summary: SDK 1.38 cannot read a schedule back with one (it parses the empty details)
        .build();
    return Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(DriftCheckWorkflow.class)
            .setArguments(check)
            .setOptions(start)
            .build())
        .setSpec(ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(every))).build())
        .setPolicy(SchedulePolicy.newBuilder()
            .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
            .setPauseOnFailure(true)
            .build())
        .setState(ScheduleState.newBuilder().setNote(summary(key, check.heal(), every)).build())
        .build();
  }

  /** Memo and search attributes that name the deployment (they cannot change on an update). */
  public static ScheduleOptions options(DeploymentKey key) {
    return ScheduleOptions.newBuilder()
        .setMemo(memo(key))
        .setTypedSearchAttributes(io.temporal.common.SearchAttributes.newBuilder()
            .set(SearchAttributes.DEPLOYMENT, key.name())
            .set(SearchAttributes.REGION, key.region())
            .build())
        .build();
  }

  static Map<String, Object> memo(DeploymentKey key) {
    return Map.of(MEMO_DEPLOYMENT, key.toString());
  }

  static String summary(DeploymentKey key, boolean heal, Duration every) {
    return "drift check" + (heal ? " and heal" : "") + " of " + key + " every " + DurationConverter.show(every);
  }
}
