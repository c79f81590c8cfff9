package io.harnessdeployer.activities.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.steps.IamActivities;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.temporal.testing.TestActivityEnvironment;
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

  @Test
  void outsideAnActivity_doesNothing() {
    try (EmulatorRig rig = new EmulatorRig()) {
      rig.aws.iam().listRoles(); // would throw if it heartbeated without an activity
      CallHeartbeats.beat();
    }
  }
}
