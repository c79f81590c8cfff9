package io.harnessdeployer.client.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Temporal's test server (the one tests and the local stack use) reports a retried activity in
 * DescribeWorkflowExecution with its attempt and its last failure, and {@link PendingCalls} reads
 * them from the real response. The test server (SDK 1.38) leaves {@code next_attempt_schedule_time}
 * unset and shows the state as STARTED during the backoff too, so there "next try in" never shows;
 * a real server fills it.
 */
class PendingCallsServerTest {
  @WorkflowInterface
  public interface OneCall {
    @WorkflowMethod
    String run(int failures);
  }

  public static class OneCallImpl implements OneCall {
    @Override
    public String run(int failures) {
      return Workflow.newActivityStub(FlakyCall.class, FlakyCall.options()).flakyCall(Workflow.getInfo().getWorkflowId(), failures);
    }
  }

  @Test
  void aRetriedCallShowsItsAttemptAndLastFailure() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      Worker worker = env.newWorker("q");
      worker.registerWorkflowImplementationTypes(OneCallImpl.class);
      worker.registerActivitiesImplementations(new FlakyCall.Impl());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      OneCall wf = client.newWorkflowStub(OneCall.class, WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("flaky").build());
      String runId = WorkflowClient.start(wf::run, 3).getRunId();
      TemporalConnection conn = new TemporalConnection(client, "test", client.getOptions().getNamespace(), () -> {});

      PendingCalls.Call seen = null;
      long deadline = System.currentTimeMillis() + 10_000;
      while (seen == null && System.currentTimeMillis() < deadline) {
        List<PendingCalls.Call> calls = PendingCalls.fetch(conn, "flaky", runId);
        seen = calls.stream().filter(c -> c.attempt() >= 2 && c.lastError() != null).findFirst().orElse(null);
        Thread.sleep(50);
      }

      assertNotNull(seen, "the test server never reported a retried attempt with its last failure");
      assertEquals("FlakyCall", seen.activity());
      assertEquals("InternalFailure: We encountered an internal error. Please try again. [31m", seen.lastError(),
          "type and message, on one line, the escape character blanked");
      assertTrue(WorkflowStub.fromTyped(wf).getResult(String.class).endsWith("after 4"));
      assertTrue(PendingCalls.fetch(conn, "flaky", runId).isEmpty(), "nothing pending once the run completed");
    }
  }
}
