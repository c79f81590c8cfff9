package io.harnessdeployer.client.temporal;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.drift.DriftIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.filter.v1.WorkflowExecutionFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every run Temporal still keeps of a deployment's operations: its own workflow id (deploy,
 * destroy, adopt) and its drift checks'. Lists by workflow id, which both the real server and the
 * local stack's test server answer, then describes each run for its memo and search attributes.
 */
public final class Operations {
  private static final Set<String> FINE = Set.of("SUCCEEDED", "COMPLETED", "RUNNING", "DESTROYING", "DESTROYED",
      "PLANNED", "ADOPTED", "IN_SYNC", "HEALED", "DRIFTED");

  /** One run; {@code failedStep} only when it did not succeed. */
  public record Operation(String operation, String workflowId, String runId, Instant startedAt, Instant closedAt,
      String startedBy, String outcome, String failedStep) {}

  private final TemporalConnection conn;

  public Operations(TemporalConnection conn) {
    this.conn = conn;
  }

  /** Oldest first. */
  public List<Operation> of(DeploymentKey key) {
    try {
      List<Operation> all = new ArrayList<>();
      for (String id : List.of(key.workflowId(), DriftIds.checkId(key))) {
        for (WorkflowExecution run : runs(id)) {
          all.add(operation(run));
        }
      }
      all.sort(Comparator.comparing(Operation::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
      return all;
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
  }

  private List<WorkflowExecution> runs(String workflowId) {
    WorkflowServiceBlockingStub stub = conn.client().getWorkflowServiceStubs().blockingStub();
    WorkflowExecutionFilter filter = WorkflowExecutionFilter.newBuilder().setWorkflowId(workflowId).build();
    List<WorkflowExecution> runs = new ArrayList<>();
    var open = ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(conn.namespace()).setMaximumPageSize(100)
        .setExecutionFilter(filter);
    do {
      var page = stub.listOpenWorkflowExecutions(open.build());
      page.getExecutionsList().stream().map(WorkflowExecutionInfo::getExecution).forEach(runs::add);
      open.setNextPageToken(page.getNextPageToken());
    } while (!open.getNextPageToken().isEmpty());
    var closed = ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(conn.namespace()).setMaximumPageSize(100)
        .setExecutionFilter(filter);
    do {
      var page = stub.listClosedWorkflowExecutions(closed.build());
      page.getExecutionsList().stream().map(WorkflowExecutionInfo::getExecution).forEach(runs::add);
      closed.setNextPageToken(page.getNextPageToken());
    } while (!closed.getNextPageToken().isEmpty());
    return runs;
  }

  private Operation operation(WorkflowExecution run) {
    WorkflowExecutionDescription d = conn.client()
        .newUntypedWorkflowStub(run.getWorkflowId(), Optional.of(run.getRunId()), Optional.empty()).describe();
    String temporal = d.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    var sa = d.getTypedSearchAttributes();
    String verdict = sa.get(SearchAttributes.DRIFT);
    String status = sa.get(SearchAttributes.STATUS);
    String outcome = verdict != null ? verdict : status != null && !"RUNNING".equals(temporal) ? status : temporal;
    String step = FINE.contains(outcome) ? null : sa.get(SearchAttributes.STEP);
    return new Operation(label(d.getWorkflowType()), run.getWorkflowId(), run.getRunId(), d.getStartTime(),
        d.getCloseTime(), RunMemo.startedBy(d), outcome, step);
  }

  static String label(String type) {
    return switch (type) {
      case Deployments.DEPLOY_TYPE -> "deploy";
      case Deployments.DESTROY_TYPE -> "destroy";
      case Deployments.ADOPT_TYPE -> "adopt";
      case "DriftCheckWorkflow" -> "drift";
      default -> type;
    };
  }
}
