package io.harnessdeployer.bench.reliability;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a lane's runs and histories (never starts or signals anything). */
public final class TemporalQueries implements AutoCloseable {
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  TemporalQueries(String address) {
    service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    client = WorkflowClient.newInstance(service);
  }

  public WorkflowClient client() {
    return client;
  }

  public List<HistoryEvent> history(String workflowId) {
    return client.fetchHistory(workflowId).getEvents();
  }

  /** The latest run's status. */
  public WorkflowExecutionStatus status(String workflowId) {
    return service.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId(workflowId))
        .build()).getWorkflowExecutionInfo().getStatus();
  }

  /**
   * The deployment status the latest run last published (its {@code HarnessStatus} search
   * attribute, which {@code client status} and {@code client list} show), or "?" if none yet.
   */
  public String deploymentStatus(String workflowId) {
    io.temporal.api.common.v1.Payload p = service.blockingStub().describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
                .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo().getSearchAttributes().getIndexedFieldsMap()
        .get(io.harnessdeployer.workflows.common.SearchAttributes.STATUS.getName());
    return p == null ? "?" : io.temporal.common.converter.DefaultDataConverter.STANDARD_INSTANCE
        .fromPayload(p, String.class, String.class);
  }

  /** The activity types the latest run has pending (scheduled, started or retrying). */
  public List<String> pendingActivities(String workflowId) {
    return service.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId(workflowId))
        .build()).getPendingActivitiesList().stream().map(a -> a.getActivityType().getName()).toList();
  }

  /** Polls until the latest run is no longer running; returns its status. */
  public WorkflowExecutionStatus awaitClosed(String workflowId, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    WorkflowExecutionStatus s = status(workflowId);
    while (s == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING && System.nanoTime() < end) {
      Thread.sleep(250);
      s = status(workflowId);
    }
    return s;
  }

  /** One line per event, for a failure's detail. */
  public String brief(String workflowId) {
    return history(workflowId).stream().map(e -> e.getEventId() + " " + e.getEventType().name()
        .replace("EVENT_TYPE_", "") + activityName(e)).collect(Collectors.joining("\n"));
  }

  private static String activityName(HistoryEvent e) {
    return e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
        ? " " + e.getActivityTaskScheduledEventAttributes().getActivityType().getName() : "";
  }

  @Override
  public void close() {
    service.shutdownNow();
  }
}
