package io.harnessdeployer.workflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.Registration;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.destroy.DestroyWorkflowImpl;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.converter.DataConverterException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starts that bypass the CLI (the Temporal UI, another client) with requests the workflow cannot
 * use: each run fails at once with a non-retryable failure, and never retries a workflow task
 * forever. The worker registers the types as production does ({@link Registration}).
 */
class InvalidRequestTest {
  TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker("q").registerWorkflowImplementationTypes(Registration.options(), DeployWorkflowImpl.class,
        DestroyWorkflowImpl.class);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aFieldTheWorkflowCannotRead_failsTheDeployAtOnce() {
    ApplicationFailure f = failure("DeployWorkflow", Map.of("deploymentName", "dev", "region", "us-east-1",
        "onFailure", "BOGUS"));
    assertEquals(DataConverterException.class.getName(), f.getType(), f.toString());
    assertTrue(f.getOriginalMessage().contains("BOGUS"), f.getOriginalMessage());
  }

  @Test
  void aFieldTheWorkflowCannotRead_failsTheDestroyAtOnce() {
    ApplicationFailure f = failure("DestroyWorkflow", Map.of("deploymentName", "dev", "region", "us-east-1",
        "keepRole", "not-a-boolean"));
    assertEquals(DataConverterException.class.getName(), f.getType(), f.toString());
    assertTrue(f.getOriginalMessage().contains("not-a-boolean"), f.getOriginalMessage());
  }

  @Test
  void aServiceTimeoutPastTheBound_isRejectedAsValidation() {
    DeployRequest r = DeployTestSupport.request().serviceTimeout(Duration.ofHours(99_999_999)).build();
    ApplicationFailure f = failure("DeployWorkflow", r);
    assertEquals(FailureTypes.VALIDATION, f.getType());
    assertTrue(f.isNonRetryable());
    assertTrue(f.getOriginalMessage().startsWith("service timeout must be positive and at most PT6H"),
        f.getOriginalMessage());
  }

  @Test
  void anIamWaitPastTheBound_isRejectedAsValidation() {
    DeployRequest r = DeployTestSupport.request().iamPropagation(Duration.ofDays(3)).build();
    ApplicationFailure f = failure("DeployWorkflow", r);
    assertEquals(FailureTypes.VALIDATION, f.getType());
    assertTrue(f.getOriginalMessage().startsWith("IAM propagation wait must be between 0 and PT10M"),
        f.getOriginalMessage());
  }

  /** The failure the run ends with; a run still open after 20 s (a task retried) fails the test. */
  private ApplicationFailure failure(String type, Object request) {
    WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub(type,
        WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("invalid-" + System.nanoTime()).build());
    stub.start(request);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> stub.getResult(20, TimeUnit.SECONDS, Object.class));
    return assertInstanceOf(ApplicationFailure.class, e.getCause());
  }
}
