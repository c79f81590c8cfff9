package io.harnessdeployer.client.drift;

import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.client.temporal.TemporalErrors;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.common.converter.DataConverter;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists the scheduled drift checks of every deployment: Schedules and timer loops. */
public final class ScheduledChecks {
  /**
   * One deployment's scheduled checks.
   *
   * @param mechanism {@code schedule} or {@code loop} (a server without Schedules)
   * @param nextRun ISO-8601, or null when unknown (a loop's timer is not visible from outside)
   */
  public record ScheduledCheck(String deployment, String id, String mechanism, String every, boolean heal,
      String nextRun, boolean paused) {}

  private static final DeploymentKey SAMPLE = new DeploymentKey("us-east-1", "x");
  /** Our schedule ids: {@code harness-deployer/<region>/<name>/drift-schedule}. */
  private static final String PREFIX = SAMPLE.workflowId().substring(0, SAMPLE.workflowId().length() - SAMPLE.toString().length());
  private static final String SUFFIX = DriftIds.scheduleId(SAMPLE).substring(SAMPLE.workflowId().length());
  private static final String WORKFLOW_TYPE = DriftCheckWorkflow.class.getSimpleName();

  private final DriftSchedules drift;
  private final TemporalConnection conn;

  public ScheduledChecks(TemporalConnection conn) {
    this.conn = conn;
    this.drift = new DriftSchedules(conn);
  }

  public List<ScheduledCheck> list() {
    List<ScheduledCheck> all = new ArrayList<>();
    try {
      schedules(all);
      loops(all);
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
    all.sort(Comparator.comparing(ScheduledCheck::deployment).thenComparing(ScheduledCheck::mechanism));
    return all;
  }

  static boolean ours(String id) {
    return id.startsWith(PREFIX) && id.endsWith(SUFFIX);
  }

  private void schedules(List<ScheduledCheck> all) {
    List<String> ids;
    try {
      ids = drift.scheduleClient().listSchedules().map(ScheduleListDescription::getScheduleId)
          .filter(ScheduledChecks::ours).toList();
    } catch (RuntimeException e) {
      if (DriftSchedules.noSchedules(e)) {
        return;
      }
      throw e;
    }
    for (String id : ids) {
      ScheduleDescription d;
      try {
        d = drift.scheduleClient().getHandle(id).describe();
      } catch (RuntimeException e) {
        if (DriftSchedules.notFound(e)) {
          continue; // deleted since the list
        }
        throw e;
      }
      DriftRequest check = d.getSchedule().getAction() instanceof ScheduleActionStartWorkflow a
          ? a.getArguments().get(0, DriftRequest.class) : null;
      Duration every = d.getSchedule().getSpec().getIntervals().isEmpty() ? null
          : d.getSchedule().getSpec().getIntervals().get(0).getEvery();
      String next = d.getInfo().getNextActionTimes().stream().findFirst().map(Object::toString).orElse(null);
      boolean paused = d.getSchedule().getState() != null && d.getSchedule().getState().isPaused();
      all.add(new ScheduledCheck(check == null ? deployment(id) : check.deploy().key().toString(), id, "schedule",
          every == null ? null : DurationConverter.show(every), check != null && check.heal(), next, paused));
    }
  }

  private void loops(List<ScheduledCheck> all) {
    DataConverter converter = drift.client().getOptions().getDataConverter();
    ByteString page = ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse r = drift.client().getWorkflowServiceStubs().blockingStub()
          .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
              .setNamespace(drift.client().getOptions().getNamespace())
              .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
              .setMaximumPageSize(100)
              .setNextPageToken(page)
              .build());
      for (WorkflowExecutionInfo info : r.getExecutionsList()) {
        String id = info.getExecution().getWorkflowId();
        if (ours(id)) {
          loop(id, info.getExecution().getRunId(), converter).ifPresent(all::add);
        }
      }
      page = r.getNextPageToken();
    } while (!page.isEmpty());
  }

  /** The loop's settings, from the input its run started with. */
  private Optional<ScheduledCheck> loop(String id, String runId, DataConverter converter) {
    var history = drift.client().fetchHistory(id, runId);
    var started = history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes();
    DriftRequest r = converter.fromPayloads(0, Optional.of(started.getInput()), DriftRequest.class, DriftRequest.class);
    if (r == null || !r.looping()) {
      return Optional.empty(); // a single check that a Schedule started, listed with its schedule
    }
    return Optional.of(new ScheduledCheck(r.deploy().key().toString(), id, "loop",
        DurationConverter.show(r.every()), r.heal(), null, false));
  }

  /** {@code region/name} from the id, for a schedule whose action cannot be read. */
  private static String deployment(String id) {
    return id.substring(PREFIX.length(), id.length() - SUFFIX.length());
  }
}
