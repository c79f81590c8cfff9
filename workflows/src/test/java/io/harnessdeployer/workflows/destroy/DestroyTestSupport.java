package io.harnessdeployer.workflows.destroy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.DeployWorkflowImpl;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;

/** Shared fixtures of the destroy tests: deploy and destroy run on one worker, against one cloud. */
final class DestroyTestSupport {
  /** FakeCloud never unseals, so any sealed value will do. */
  static final Sealed SEALED = new Sealed("0123abcd", "AAAAAAAAAAAAAAAA", "c2VhbGVk");

  private DestroyTestSupport() {}

  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder b = TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(
            // a bug in workflow code fails the test instead of retrying the workflow task forever
            WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(NullPointerException.class, IllegalStateException.class,
                    IllegalArgumentException.class, ClassCastException.class)
                .build(),
            DeployWorkflowImpl.class, DestroyWorkflowImpl.class)
        // a loaded 2-core machine may take over 1 s to load classes in the first workflow task
        .setWorkerOptions(WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build())
        .setDoNotStart(true);
    SearchAttributes.ALL.forEach(
        k -> b.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return b.build();
  }

  static DeployRequest.Builder deployRequest() {
    return DeployRequest.builder("dev", "us-east-1", SEALED);
  }

  static DestroyRequest.Builder destroyRequest() {
    return DestroyRequest.builder("dev", "us-east-1");
  }

  /** Both operations on one deployment use the deployment's workflow id. */
  static WorkflowOptions options(WorkflowOptions base, String workflowId) {
    return WorkflowOptions.newBuilder(base).setWorkflowId(workflowId)
        .setWorkflowRunTimeout(Duration.ofHours(3)).build();
  }

  static DeploySummary deploy(WorkflowClient client, WorkflowOptions base, DeployRequest req) {
    return client.newWorkflowStub(DeployWorkflow.class, options(base, req.key().workflowId())).deploy(req);
  }

  static DestroyWorkflow destroyStub(WorkflowClient client, WorkflowOptions base, DestroyRequest req) {
    return client.newWorkflowStub(DestroyWorkflow.class, options(base, req.key().workflowId()));
  }

  static DestroyReport destroy(WorkflowClient client, WorkflowOptions base, DestroyRequest req) {
    return destroyStub(client, base, req).destroy(req);
  }

  /** A deploy that failed at {@code step} and was abandoned: whatever it created stays. */
  static void deployAbandoned(TestWorkflowEnvironment env, WorkflowOptions base, DeployRequest req) {
    DeployWorkflow wf = env.getWorkflowClient().newWorkflowStub(DeployWorkflow.class,
        options(base, req.key().workflowId()));
    WorkflowClient.start(wf::deploy, req);
    awaitDeploy(env, wf, DeployStatus.PAUSED);
    wf.decide(OperatorDecision.ABANDON);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(wf).getResult(DeploySummary.class));
    assertEquals(FailureTypes.ABANDONED, ((ApplicationFailure) e.getCause()).getType());
  }

  /**
   * Waits until the deploy reports {@code status}, advancing the test server's clock in small
   * steps: nothing waits on the workflow's result, so time would not skip by itself (IAM timers).
   */
  static DeployProgress awaitDeploy(TestWorkflowEnvironment env, DeployWorkflow wf, DeployStatus status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    DeployProgress last = null;
    while (System.nanoTime() < deadline) {
      last = wf.progress();
      if (last.status() == status) {
        return last;
      }
      env.sleep(Duration.ofSeconds(2));
    }
    return fail("deploy never reached " + status + "; last progress: " + last);
  }

  static io.harnessdeployer.workflows.progress.StepState step(DestroyProgress progress, String id) {
    return progress.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
