package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Destroy deletes nothing unless the worker's identity is in the account the client expects. */
class DestroyAccountTest {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

  private final FakeCloud cloud = new FakeCloud();
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(cloud.all());
    env.start();
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  @Test
  void anotherAccount_failsBeforeAnyDelete_namingBoth() {
    deploy(client, options, deployRequest().build());
    List<String> before = cloud.resources();
    DestroyRequest req = destroyRequest().expectedAccount("210987654321").build();
    DestroyWorkflow wf = destroyStub(client, options, req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.destroy(req));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ACCOUNT_MISMATCH, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("account " + FakeCloud.ACCOUNT)
        && failure.getOriginalMessage().contains("account 210987654321"), failure.getOriginalMessage());
    assertEquals(List.of(), cloud.deleteCalls());
    assertEquals(before, cloud.resources());
    assertEquals(DestroyStatus.DESTROY_FAILED, wf.progress().status());
  }

  @Test
  void theExpectedAccount_destroys() {
    deploy(client, options, deployRequest().build());
    DestroyReport report = destroy(client, options, destroyRequest().expectedAccount(FakeCloud.ACCOUNT).build());

    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertEquals(List.of(), cloud.resources());
    assertEquals(2, cloud.callsStartingWith("callerIdentity").size(), "the deploy's preflight and the destroy's check");
  }
}
