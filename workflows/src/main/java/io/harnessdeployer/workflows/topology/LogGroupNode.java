package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.LogGroupSpec;
import io.harnessdeployer.workflows.steps.LogsActivities;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;

/** The service's CloudWatch Logs group (spec §7c). */
final class LogGroupNode {
  private final Settings s;

  LogGroupNode(Settings s) {
    this.s = s;
  }

  Ensured ensure(Step step) {
    ResourceRef ref = step.aws(LogsActivities.class, "ensure log group " + s.names().logGroup())
        .ensureLogGroup(new LogGroupSpec(s.scope(), s.names().logGroup()));
    return Ensured.of(ref, ref.name(), ref.outcome());
  }

  Done delete(Step step) {
    return Done.of(step.delete(LogsActivities.class, "delete log group " + s.names().logGroup())
        .deleteLogGroup(new ResourceDelete(s.scope(), step.mode(), s.names().logGroup())));
  }
}
