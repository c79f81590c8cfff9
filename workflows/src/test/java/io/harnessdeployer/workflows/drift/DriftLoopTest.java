package io.harnessdeployer.workflows.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The timer loop that stands in for a Schedule on a server without them, under time skipping. Once
 * seen to hang in the test server's sleep on a loaded machine: a hang fails here, never stalls CI.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DriftLoopTest {
  static final Duration EVERY = Duration.ofHours(6);

  private final FakeLive cloud = new FakeLive();
  private final DriftRig rig = new DriftRig(cloud.all());
  private final DeployRequest req = DriftRig.request(null).build();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void checksOncePerPeriod_continuesAsNewEachPeriod_andStopsAtOnceOnUnschedule() throws Exception {
    cloud.seed(req);
    String id = DriftIds.scheduleId(req.key());
    DriftCheckWorkflow loop = rig.drift(id);
    WorkflowExecution first = WorkflowClient.start(loop::check, new DriftRequest(req, false, EVERY));
    Instant start = Instant.ofEpochMilli(rig.env.currentTimeMillis());
    for (int period = 0; period < 3; period++) {
      DriftReport r = awaitReportOf(id, start, period);
      assertEquals("IN_SYNC", r.verdict());
      assertEquals(9L * (period + 1), cloud.describes(), "one check per period: " + cloud.calls);
      if (period < 2) {
        rig.env.sleep(EVERY);
      }
    }
    // mid-period: the loop ends at once, with the last report, and checks no more
    rig.env.sleep(Duration.ofHours(1));
    rig.client.newWorkflowStub(DriftCheckWorkflow.class, id).unschedule();
    DriftReport last = rig.client.newUntypedWorkflowStub(id).getResult(DriftReport.class);
    assertEquals(2, periodOf(start, last), last.checkedAt());
    assertEquals(27L, cloud.describes());
    assertEquals(List.of(), cloud.writes);
    assertEquals(3, runs(first).size(), "continued as new after each of the first two periods");
  }

  @Test
  void unscheduleDuringTheFirstCheck_endsTheLoopAfterIt() {
    cloud.seed(req);
    String id = DriftIds.scheduleId(req.key());
    DriftCheckWorkflow loop = rig.drift(id);
    WorkflowExecution first = WorkflowClient.start(loop::check, new DriftRequest(req, false, EVERY));
    rig.client.newWorkflowStub(DriftCheckWorkflow.class, id).unschedule();
    DriftReport r = rig.client.newUntypedWorkflowStub(id).getResult(DriftReport.class);
    assertEquals("IN_SYNC", r.verdict());
    assertEquals(9L, cloud.describes());
    assertEquals(1, runs(first).size());
  }

  /**
   * Polls the current run's lastReport until it is the check of {@code period} (by workflow time;
   * the test server's clock also runs on its own between skips, so only the period is exact).
   */
  private DriftReport awaitReportOf(String id, Instant start, int period) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    DriftReport last = null;
    while (System.nanoTime() < deadline) {
      last = rig.client.newWorkflowStub(DriftCheckWorkflow.class, id).lastReport();
      if (last != null && periodOf(start, last) == period) {
        return last;
      }
      Thread.sleep(50); // polling a query: time does not skip meanwhile
    }
    throw new AssertionError("no check in period " + period + "; last: " + (last == null ? null : last.checkedAt()));
  }

  private static long periodOf(Instant start, DriftReport r) {
    return Duration.between(start, Instant.parse(r.checkedAt())).dividedBy(EVERY);
  }

  /** The runs of the chain that starts with {@code first}, following each continue-as-new. */
  private List<String> runs(WorkflowExecution first) {
    List<String> runs = new ArrayList<>();
    String runId = first.getRunId();
    while (runId != null) {
      runs.add(runId);
      List<HistoryEvent> events = rig.client.fetchHistory(first.getWorkflowId(), runId).getEvents();
      HistoryEvent end = events.get(events.size() - 1);
      runId = end.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
          ? end.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId() : null;
    }
    assertTrue(runs.size() > 0);
    return runs;
  }
}
