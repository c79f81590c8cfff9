package io.harnessdeployer.workflows.drift;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/** Recorded drift histories must keep replaying against the current workflow code. */
class DriftReplayTest {
  /** One check without heal: the secret DELETED, the harness MODIFIED, the rest IN_SYNC or NOT_CHECKED. */
  static final String CHECK = "histories/drift-check-deleted-secret.json";

  @Test
  void checkHistory_replays() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // cold class loading on a busy machine can exceed the 1 s deadlock detector
      Worker worker = env.newWorker("replay",
          WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build());
      worker.registerWorkflowImplementationTypes(DriftCheckWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecutionFromResource(CHECK, worker);
    }
  }
}
