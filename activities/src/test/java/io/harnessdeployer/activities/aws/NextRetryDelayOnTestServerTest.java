package io.harnessdeployer.activities.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.workflows.common.StepOptions;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Temporal's test server honours an ApplicationFailure's nextRetryDelay: under the deploy's real
 * awsCall retry options (2 s, doubling), an IamPropagation failure is retried 1 s later, while a
 * ServiceUnavailable one keeps the 2 s, 4 s, 8 s backoff. Gaps are the server's clock at the start
 * of each attempt; it skips time while nothing runs. (An attempt's own scheduled timestamp is no
 * use here: the test server stamps it when the previous attempt failed, not when the retry is due.)
 */
class NextRetryDelayOnTestServerTest {
  static final String QUEUE = "retry-delay";

  @ActivityInterface
  public interface Call {
    String call(String errorCode, String message);
  }

  /** Fails the first three attempts with the given AWS error, then answers. */
  public static final class FlakyCall implements Call {
    final List<Long> startedAt = new CopyOnWriteArrayList<>();
    final LongSupplier serverTime;

    FlakyCall(LongSupplier serverTime) {
      this.serverTime = serverTime;
    }

    @Override
    public String call(String errorCode, String message) {
      var info = Activity.getExecutionContext().getInfo();
      startedAt.add(serverTime.getAsLong());
      if (info.getAttempt() <= 3) {
        throw AwsFailures.classify("ECS CreateExpressGatewayService", AwsServiceException.builder()
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(message).build())
            .statusCode(400).build());
      }
      return "attempt " + info.getAttempt();
    }
  }

  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    String run(String errorCode, String message);
  }

  public static final class CallerImpl implements Caller {
    @Override
    public String run(String errorCode, String message) {
      return Workflow.newActivityStub(Call.class, StepOptions.awsCall("create service")).call(errorCode, message);
    }
  }

  TestWorkflowEnvironment env;
  FlakyCall activity;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(CallerImpl.class);
    activity = new FlakyCall(env::currentTimeMillis);
    worker.registerActivitiesImplementations(activity);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  List<Long> gaps(String errorCode, String message) {
    Caller caller = env.getWorkflowClient().newWorkflowStub(Caller.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
    assertEquals("attempt 4", caller.run(errorCode, message));
    List<Long> at = activity.startedAt;
    return List.of(at.get(1) - at.get(0), at.get(2) - at.get(1), at.get(3) - at.get(2));
  }

  /** Rounds server-time gaps to whole seconds (the server adds a few ms of its own). */
  static List<Long> seconds(List<Long> millis) {
    return millis.stream().map(m -> Math.round(m / 1000.0)).toList();
  }

  @Test
  void iamPropagation_isRetriedAfterItsOneSecondDelay() {
    List<Long> gaps = gaps("InvalidParameterException", "ECS was unable to assume the role 'arn:aws:iam::1:role/r'");
    assertEquals(List.of(1L, 1L, 1L), seconds(gaps), "gaps in ms: " + gaps);
  }

  @Test
  void withoutADelay_theActivitysOwnBackoffApplies() {
    List<Long> gaps = gaps("ServiceUnavailable", "try later");
    assertEquals(List.of(2L, 4L, 8L), seconds(gaps), "gaps in ms: " + gaps);
  }
}
