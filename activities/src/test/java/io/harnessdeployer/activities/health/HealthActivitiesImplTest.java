package io.harnessdeployer.activities.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.steps.HealthActivities;
import io.harnessdeployer.workflows.steps.HealthResult;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health wait through the real emulator's hosted-endpoint routing, with heartbeats. */
class HealthActivitiesImplTest {
  static final String HOST = "zs-0123456789abcdef.ecs.us-east-1.on.aws";
  static final String URL = "https://" + HOST + "/health";

  /** Answers 503 (an ALB without healthy targets) until {@code healthyFrom} requests have come in. */
  static final class FakeServer implements EndpointHost {
    final AtomicInteger requests = new AtomicInteger();
    final List<String> paths = new ArrayList<>();
    volatile int healthyFrom = Integer.MAX_VALUE;

    @Override
    public boolean owns(String host) {
      return HOST.equals(host);
    }

    @Override
    public Response answer(Request request) {
      paths.add(request.method() + " " + request.host() + request.path());
      return requests.incrementAndGet() >= healthyFrom
          ? Response.json(200, "{\"status\":\"ok\"}")
          : Response.json(503, "{}");
    }
  }

  FakeServer server;
  EmulatorRig rig;
  TestActivityEnvironment env;
  HealthActivities health;
  List<Object> heartbeats = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new FakeServer();
    rig = new EmulatorRig(LatencyProfile.instant(), server);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        // the fixed 5 s pace keeps the poll times below simple; PollerTest covers the backoff
        new HealthActivitiesImpl(rig.aws.http(), rig.emulator.endpoint(), rig.seedPolling));
    env.setActivityHeartbeatListener(Poller.Progress.class, heartbeats::add);
    health = Activities.stub(env, HealthActivities.class);
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  WaitSpec wait(Duration timeout) {
    return new WaitSpec(EmulatorRig.scope("run-1"), URL, timeout, Duration.ofSeconds(5));
  }

  @Test
  void awaitHealthy_pollsUntil200_heartbeatingEachTurn() {
    server.healthyFrom = 3;
    HealthResult result = health.awaitHealthy(wait(Duration.ofMinutes(5)));
    assertEquals(new HealthResult(URL, 200, 3), result);
    assertEquals(3, server.requests.get());
    assertEquals("GET " + HOST + "/health", server.paths.get(0), "the real host and path reach the endpoint");
    // heartbeats are throttled: the first goes out at once and carries the wait's start
    assertEquals(new Poller.Progress(rig.clock.millis() - 10_000, 1), heartbeats.get(0));
  }

  @Test
  void awaitHealthy_pastTheDeadline_failsUnhealthyWithTheLastStatus() {
    ApplicationFailure f = Activities.failure(() -> health.awaitHealthy(wait(Duration.ofSeconds(12))));
    assertEquals(FailureTypes.UNHEALTHY, f.getType());
    assertTrue(f.isNonRetryable());
    assertTrue(f.getOriginalMessage().contains("HTTP 503"), f.getOriginalMessage());
    assertEquals(4, server.requests.get(), "polls at 0, 5, 10 and 12 s of a 12 s deadline");
  }

  @Test
  void awaitHealthy_afterARetry_keepsTheFirstAttemptsDeadline() {
    long started = rig.clock.millis() - Duration.ofMinutes(10).toMillis();
    env.setHeartbeatDetails(new Poller.Progress(started, 7));
    ApplicationFailure f = Activities.failure(() -> health.awaitHealthy(wait(Duration.ofMinutes(5))));
    assertEquals(FailureTypes.UNHEALTHY, f.getType());
    assertEquals(1, server.requests.get(), "the deadline had passed: one last probe, no more");
    assertTrue(f.getOriginalMessage().contains("8 polls"), f.getOriginalMessage());
  }

  @Test
  void target_withoutOverride_isTheRealUrl() {
    var direct = new HealthActivitiesImpl(rig.aws.http(), null, rig.polling);
    assertEquals(URL, direct.target(java.net.URI.create(URL)).toString());
    var local = new HealthActivitiesImpl(rig.aws.http(), java.net.URI.create("http://127.0.0.1:4566/"), rig.polling);
    assertEquals("http://127.0.0.1:4566/_emulator/endpoints/" + HOST + "/health",
        local.target(java.net.URI.create(URL)).toString());
  }
}
