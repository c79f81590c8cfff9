package io.harnessdeployer.workflows.drift;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Read-only drift check of one deployment over its topology's graph: desired state against a
 * describe of each resource, in CloudFormation's words. With heal, it runs the deploy saga when
 * drift is found. Start one check with id {@link DriftIds#checkId}; Schedules start it from {@link
 * DriftIds#scheduleId}, and so does the timer loop of a server without Schedules.
 */
@WorkflowInterface
public interface DriftCheckWorkflow {
  @WorkflowMethod
  DriftReport check(DriftRequest request);

  /** The last finished check of this run; null before the first ends. */
  @QueryMethod
  DriftReport lastReport();

  /** Ends a timer loop after the check in progress (if any); ignored by a single check. */
  @SignalMethod
  void unschedule();
}
