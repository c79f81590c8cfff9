package io.harnessdeployer.activities.testing;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Activity stubs in a {@link TestActivityEnvironment}: one attempt, so failures surface as thrown. */
public final class Activities {
  private Activities() {}

  public static <T> T stub(TestActivityEnvironment env, Class<T> type) {
    return env.newActivityStub(type, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());
  }

  /** The ApplicationFailure an activity call ended with. */
  public static ApplicationFailure failure(Executable call) {
    ActivityFailure f = assertThrows(ActivityFailure.class, call);
    return assertInstanceOf(ApplicationFailure.class, f.getCause());
  }
}
