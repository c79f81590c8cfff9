package io.harnessdeployer.activities.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.activities.testing.MutableClock;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poll schedule: what the Poller sleeps, and how late it sees a resource turn ready. */
class PollerTest {
  static final Duration TIMEOUT = Duration.ofMinutes(20);

  /** A wait on a resource that turns ready {@code readyAfterMillis} after the wait began. */
  @ActivityInterface
  public interface Waits {
    @ActivityMethod
    long await(WaitSpec wait, long readyAfterMillis);
  }

  /** Returns how long after the resource turned ready the probe that saw it ran. */
  static final class WaitsImpl implements Waits {
    final MutableClock clock;
    final Poller poller;

    WaitsImpl(MutableClock clock, Polling polling) {
      this.clock = clock;
      this.poller = new Poller(polling);
    }

    @Override
    public long await(WaitSpec wait, long readyAfterMillis) {
      long start = clock.millis();
      return poller.await(wait, "thing", poll -> {
        long late = clock.millis() - start - readyAfterMillis;
        return late >= 0 ? Poller.Check.done(late) : Poller.Check.pending("not yet");
      });
    }
  }

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  final Sleeper recording = d -> {
    sleeps.add(d);
    clock.advance(d);
  };
  TestActivityEnvironment env;

  @BeforeEach
  void start() {
    env = TestActivityEnvironment.newInstance();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  Waits waits(Polling polling) {
    env.registerActivitiesImplementations(new WaitsImpl(clock, polling));
    return Activities.stub(env, Waits.class);
  }

  static WaitSpec spec(Duration timeout, Duration interval) {
    return new WaitSpec(EmulatorRig.scope("run-1"), "id-1", timeout, interval);
  }

  static List<Duration> seconds(double... s) {
    List<Duration> out = new ArrayList<>();
    for (double v : s) {
      out.add(Duration.ofMillis(Math.round(v * 1000)));
    }
    return out;
  }

  @Test
  void backoff_startsAtOneSecond_thenATenthOfTheTimeWaited_cappedAtTheInterval() {
    Waits w = waits(new Polling(clock, recording, null));
    long late = w.await(spec(TIMEOUT, Duration.ofSeconds(10)), 20_000);
    assertEquals(seconds(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.21, 1.331, 1.464, 1.61, 1.771, 1.948),
        sleeps, "1 s until 10 s have passed, then elapsed/10");
    assertEquals(1_434, late, "ready at 20 s, seen at 21.434 s");

    sleeps.clear();
    w.await(spec(TIMEOUT, Duration.ofSeconds(3)), 120_000);
    assertEquals(Duration.ofSeconds(3), sleeps.stream().max(Duration::compareTo).orElseThrow(),
        "the WaitSpec interval caps the pause");
    assertEquals(Duration.ofSeconds(3), sleeps.get(sleeps.size() - 1));
  }

  @Test
  void backoff_seesAReadyResourceWithinATenthOfTheWaitOrOneSecond() {
    Waits w = waits(new Polling(clock, recording, null));
    for (long ready = 0; ready <= 150_000; ready += 370) {
      long late = w.await(spec(TIMEOUT, Duration.ofSeconds(10)), ready);
      long bound = Math.max(1_000, ready / 10);
      assertTrue(late <= bound, "ready after " + ready + " ms, seen " + late + " ms late (bound " + bound + ")");
    }
  }

  @Test
  void seed_sleepsExactlyTheWaitSpecIntervalEveryTime() {
    Waits w = waits(new Polling(clock, recording, null, Polling.Pacing.FIXED));
    long late = w.await(spec(TIMEOUT, Duration.ofSeconds(10)), 21_000);
    assertEquals(seconds(10, 10, 10), sleeps);
    assertEquals(9_000, late);
    assertEquals(Polling.Pacing.FIXED, Polling.seed().pacing());
    assertEquals(Polling.Pacing.BACKOFF, Polling.real().pacing());
  }

  @Test
  void intervalOverride_replacesEitherSchedule() {
    Waits w = waits(new Polling(clock, recording, Duration.ofMillis(250)));
    w.await(spec(TIMEOUT, Duration.ofSeconds(10)), 1_000);
    assertEquals(Collections.nCopies(4, Duration.ofMillis(250)), sleeps);
  }

  @Test
  void theDeadlineCutsTheLastPauseShort_thenTimesOut() {
    Waits w = waits(new Polling(clock, recording, null));
    ApplicationFailure f = Activities.failure(() -> w.await(spec(Duration.ofMillis(2_500), Duration.ofSeconds(10)),
        60_000));
    assertEquals(FailureTypes.TIMEOUT, f.getType());
    assertEquals(seconds(1, 1, 0.5), sleeps);
    assertTrue(f.getOriginalMessage().contains("(4 polls)"), f.getOriginalMessage());
  }

  @Test
  void aResumedWait_keepsThePaceOfTheTimeAlreadyWaited() {
    env.setHeartbeatDetails(new Poller.Progress(clock.millis() - 50_000, 20));
    Waits w = waits(new Polling(clock, recording, null));
    long late = w.await(spec(TIMEOUT, Duration.ofSeconds(10)), 5_000);
    assertEquals(seconds(5), sleeps, "50 s waited before the retry: a 5 s pause, not 1 s");
    assertEquals(0, late);
  }
}
