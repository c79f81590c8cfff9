package io.harnessdeployer.activities.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.activities.testing.MutableClock;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.steps.EcsActivities;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;

/** A rollout ECS reports as failed ends the wait at once (the emulator never fails one). */
class RolloutFailureTest {
  @Test
  void awaitServiceRollout_whenEcsSaysTheDeploymentFailed_isUnhealthyAtOnce() {
    EcsClient ecs = mock(EcsClient.class, CALLS_REAL_METHODS);
    doReturn(DescribeExpressGatewayServiceResponse.builder().service(ECSExpressGatewayService.builder()
            .serviceArn("arn:svc")
            .status(s -> s.statusCode("ACTIVE").statusReason("Service deployment failed: tasks failed to start; rolled back"))
            .build()).build())
        .when(ecs).describeExpressGatewayService(any(DescribeExpressGatewayServiceRequest.class));
    MutableClock clock = new MutableClock(Instant.EPOCH);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new EcsActivitiesImpl(region -> ecs,
          new Credentials(SealKey.of(new byte[32], "t")), new Polling(clock, clock::advance, null)));
      ApplicationFailure f = Activities.failure(() -> Activities.stub(env, EcsActivities.class).awaitServiceRollout(
          new WaitSpec(EmulatorRig.scope("r"), "arn:svc", Duration.ofMinutes(20), Duration.ofSeconds(10))));
      assertEquals(FailureTypes.UNHEALTHY, f.getType());
      assertTrue(f.getOriginalMessage().contains("rollout failed"), f.getOriginalMessage());
      assertEquals(Instant.EPOCH, clock.instant(), "no waiting once ECS says it failed");
    } finally {
      env.close();
    }
  }
}
