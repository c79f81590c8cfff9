package io.harnessdeployer.activities.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.steps.IamActivities;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.harnessdeployer.emulator.control.Faults;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An activity that makes AWS calls heartbeats around each of them; outside an activity, nothing happens. */
class CallHeartbeatsTest {
  @Test
  void everyAwsAttemptHeartbeatsTheActivity() {
    try (EmulatorRig rig = new EmulatorRig()) {
      TestActivityEnvironment env = TestActivityEnvironment.newInstance();
      try {
        AtomicInteger beats = new AtomicInteger();
        env.setActivityHeartbeatListener(Object.class, details -> beats.incrementAndGet());
        env.registerActivitiesImplementations(new IamActivitiesImpl(rig.aws.iam()));
        Activities.stub(env, IamActivities.class).ensureInfrastructureRole(
            new RoleSpec(EmulatorRig.scope("r"), "hb-role"));
        int calls = rig.callCounts().values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(calls >= 3, "GetRole, CreateRole, AttachRolePolicy: " + rig.callCounts());
        // the SDK throttles heartbeats: at least one reached Temporal, none more than two per call
        assertTrue(beats.get() >= 1 && beats.get() <= 2 * calls, beats + " beats for " + rig.callCounts());
      } finally {
        env.close();
      }
    }
  }

  /**
   * A call the emulator holds for 2.5 s still heartbeats on the ticker (a quarter of the 1 s
   * heartbeat timeout, throttled by the SDK to 0.8 s): no gap between beats near the hold's length,
   * so a short heartbeat timeout does not fail a slow call.
   */
  @Test
  void aHeldCall_keepsHeartbeatingWhileInFlight() {
    try (EmulatorRig rig = new EmulatorRig()) {
      TestActivityEnvironment env = TestActivityEnvironment.newInstance();
      try {
        List<Long> beats = new CopyOnWriteArrayList<>();
        env.setActivityHeartbeatListener(Object.class, details -> beats.add(System.nanoTime()));
        env.registerActivitiesImplementations(new IamActivitiesImpl(rig.aws.iam()));
        rig.emulator.faults().add(new Faults.Fault(null, "iam", "GetRole", null, null, null, 1, null, 2500L,
            null, false, null));
        long t0 = System.nanoTime();
        env.newActivityStub(IamActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofSeconds(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build())
            .ensureInfrastructureRole(new RoleSpec(EmulatorRig.scope("r"), "hb-held-role"));
        long t1 = System.nanoTime();
        assertTrue(t1 - t0 >= 2_500_000_000L, "the call was held");
        List<Long> marks = new ArrayList<>(List.of(t0));
        marks.addAll(beats);
        long maxGapMs = 0;
        for (int i = 1; i < marks.size(); i++) maxGapMs = Math.max(maxGapMs, (marks.get(i) - marks.get(i - 1)) / 1_000_000);
        assertTrue(beats.size() >= 3 && maxGapMs < 1500, beats.size() + " beats, longest gap " + maxGapMs + " ms");
      } finally {
        env.close();
      }
    }
  }

  @Test
  void outsideAnActivity_doesNothing() {
    try (EmulatorRig rig = new EmulatorRig()) {
      rig.aws.iam().listRoles(); // would throw if it heartbeated without an activity
      CallHeartbeats.beat();
    }
  }
}
