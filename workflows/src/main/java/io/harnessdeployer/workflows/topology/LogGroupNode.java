package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.LogGroupSpec;
import io.harnessdeployer.workflows.steps.LogsActivities;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import java.util.Map;

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

  /** Its name and our tags (retention is not set by the ensure, so it is not desired state). */
  Map<String, Object> desired(Step step) {
    return DesiredState.of(s.scope(), null, Map.of("name", s.names().logGroup()));
  }

  Observed describe(Step step) {
    return step.aws(LogsActivities.class, "describe log group " + s.names().logGroup())
        .describeLogGroup(new Lookup(s.scope(), s.names().logGroup()));
  }

  Done delete(Step step) {
    return Done.of(step.delete(LogsActivities.class, "delete log group " + s.names().logGroup())
        .deleteLogGroup(new ResourceDelete(s.scope(), step.mode(), s.names().logGroup())));
  }
}
