package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.graph.Observed;
import io.temporal.activity.ActivityInterface;

/** CloudWatch Logs group of the ECS service (spec §7c). */
@ActivityInterface
public interface LogsActivities {
  /**
   * CreateLogGroup with {@link Scope#tags()} → CREATED; already exists → ADOPTED (CREATED if it
   * carries this run's tag). Compensation: {@link #deleteLogGroup} (THIS_RUN).
   */
  ResourceRef ensureLogGroup(LogGroupSpec spec);

  /** DeleteLogGroup if it carries the required tag; missing → ALREADY_GONE. */
  DeleteResult deleteLogGroup(ResourceDelete input);

  /** Read-only: log group {@code input.id()} (exact name) as {@code name}, {@code arn} and tags. */
  Observed describeLogGroup(Lookup input);
}
