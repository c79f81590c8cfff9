package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.EcsActivities;
import io.harnessdeployer.workflows.steps.TaskDefinitionCleanup;
import io.harnessdeployer.workflows.steps.TaskDefinitionsResult;

/**
 * Express registers revisions untagged, in a family named after cluster and service: they are ours
 * when the service was (deleted now, or gone already after an earlier destroy or a half-failed
 * deploy), and someone else's when the service is.
 */
final class TaskDefinitionsNode {
  private final Settings s;

  TaskDefinitionsNode(Settings s) {
    this.s = s;
  }

  String family() {
    return Names.taskDefinitionFamily(s.names().cluster(), s.names().service());
  }

  Done delete(Step step) {
    Done service = step.dependent(EcsTopology.SERVICE);
    if (service == null || service.outcome() == DestroyOutcome.FAILED) {
      return Done.failed("not attempted: the service delete failed, so whose revisions these are is"
          + " unknown; rerun destroy");
    }
    if (service.outcome() == DestroyOutcome.KEPT_NOT_OURS) {
      return Done.notOurs("revisions of service " + s.names().service()
          + ", which is not tagged for this deployment");
    }
    TaskDefinitionsResult result = step.delete(EcsActivities.class, "delete task definitions " + family())
        .deleteTaskDefinitions(new TaskDefinitionCleanup(s.scope(), family()));
    String counts = result.deregistered() + " deregistered, " + result.deleted() + " deleted";
    if (!result.failures().isEmpty()) {
      return Done.failed(counts + "; " + String.join("; ", result.failures()));
    }
    if (result.deregistered() == 0 && result.deleted() == 0) {
      return new Done(DestroyOutcome.ALREADY_GONE, "no revisions left");
    }
    return new Done(DestroyOutcome.DELETED, counts);
  }
}
