package io.harnessdeployer.activities.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STS against the real emulator, including faults injected through its control API. */
class StsActivitiesImplTest {
  static EmulatorRig rig;
  static StsActivitiesImpl sts;

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    sts = new StsActivitiesImpl(rig.aws::sts);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void callerIdentity_returnsTheAccount() {
    CallerIdentity me = sts.callerIdentity(EmulatorRig.scope("run-1"));
    assertEquals("123456789012", me.account());
    assertTrue(me.arn().contains("123456789012"), me.arn());
  }

  @Test
  void callerIdentity_whenThrottled_failsRetryable() {
    rig.fault("sts", "GetCallerIdentity", "Throttling", 400, 10);
    try {
      ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> sts.callerIdentity(EmulatorRig.scope("r")));
      assertEquals(FailureTypes.THROTTLING, f.getType());
      assertFalse(f.isNonRetryable());
    } finally {
      rig.emulator.faults().clear();
    }
  }

  @Test
  void callerIdentity_whenDenied_failsNonRetryable() {
    rig.fault("sts", "GetCallerIdentity", "AccessDenied", 403, 1);
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> sts.callerIdentity(EmulatorRig.scope("r")));
    assertEquals(FailureTypes.ACCESS_DENIED, f.getType());
    assertTrue(f.isNonRetryable());
    assertTrue(f.getOriginalMessage().startsWith("STS GetCallerIdentity in us-east-1: AccessDenied (HTTP 403"),
        f.getOriginalMessage());
  }
}
