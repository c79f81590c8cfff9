package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.DeployWorkflowImpl;
import io.harnessdeployer.workflows.progress.StepState;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** Shared fixtures of the deploy tests that run the real activities against the emulator. */
final class DeployE2E {
  static final String DEPLOYMENT = "e2e";

  private DeployE2E() {}

  /** Time-skipping test server, the deploy workflow, our search attributes, the fault trigger. */
  static TestWorkflowExtension extension(StepFaults faults) {
    TestWorkflowExtension.Builder b = TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(
            // a bug in workflow code fails the test instead of retrying the workflow task forever
            WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(NullPointerException.class, IllegalStateException.class,
                    IllegalArgumentException.class, ClassCastException.class)
                .build(),
            DeployWorkflowImpl.class)
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(faults).build())
        // a loaded 2-core machine may take over 1 s to load classes in the first workflow task
        .setWorkerOptions(WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build())
        .setDoNotStart(true);
    SearchAttributes.ALL.forEach(
        k -> b.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return b.build();
  }

  static DeployRequest.Builder request(EmulatedAws aws) {
    return DeployRequest.builder(DEPLOYMENT, EmulatedAws.REGION, aws.sealedCredentials())
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false"));
  }

  static DeployWorkflow stub(WorkflowClient client, WorkflowOptions base, DeployRequest req) {
    return client.newWorkflowStub(DeployWorkflow.class, WorkflowOptions.newBuilder(base)
        .setWorkflowId(req.key().workflowId())
        .setWorkflowRunTimeout(Duration.ofHours(3))
        .build());
  }

  /**
   * Waits until the deploy reports {@code status}, advancing the test server's clock in small
   * steps: nothing waits on the workflow's result, so time would not skip by itself (IAM timers).
   */
  static DeployProgress awaitStatus(TestWorkflowEnvironment env, DeployWorkflow wf, DeployStatus status) {
    return awaitProgress(env, wf, p -> p.status() == status, "status " + status);
  }

  static DeployProgress awaitProgress(TestWorkflowEnvironment env, DeployWorkflow wf,
      Predicate<DeployProgress> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DeployProgress last = null;
    while (System.nanoTime() < deadline) {
      last = wf.progress();
      if (condition.test(last)) {
        return last;
      }
      env.sleep(Duration.ofSeconds(2));
    }
    return fail("deploy never reached " + what + "; last progress: " + last);
  }

  static StepState step(DeployProgress progress, String id) {
    return progress.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
