package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.Cli;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.adopt.AdoptRequest;
import io.harnessdeployer.workflows.adopt.AdoptWorkflow;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The deploy workflow as the CLI sees it: one workflow id per deployment ({@link
 * DeploymentKey#workflowId()}), shared with destroy, so at most one operation runs per deployment.
 */
public final class Deployments {
  public static final String DEPLOY_TYPE = "DeployWorkflow";
  public static final String DESTROY_TYPE = "DestroyWorkflow";
  public static final String ADOPT_TYPE = "AdoptWorkflow";

  private final TemporalConnection conn;
  private final WorkflowClient client;

  public Deployments(TemporalConnection conn) {
    this.conn = conn;
    this.client = conn.client();
  }

  /** The latest run of the deployment's workflow id, open or closed; empty if there is none. */
  public Optional<WorkflowExecutionDescription> describe(DeploymentKey key) {
    return describe(key.workflowId(), Optional.empty());
  }

  private Optional<WorkflowExecutionDescription> describe(String workflowId, Optional<String> runId) {
    try {
      return Optional.of(client.newUntypedWorkflowStub(workflowId, runId, Optional.empty()).describe());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      if (notFound(e)) {
        return Optional.empty();
      }
      throw TemporalErrors.translate(e, conn);
    }
  }

  /**
   * The topology the deployment's last deploy left its resources in, when that run says so (its
   * {@code HarnessTopology} search attribute): empty when the last operation was no deploy, or one
   * that left nothing behind (rolled back, or refused before any write).
   */
  public Optional<Topology> deployedTopology(DeploymentKey key) {
    return describe(key).filter(d -> DEPLOY_TYPE.equals(d.getWorkflowType())).flatMap(d -> {
      String topology = d.getTypedSearchAttributes().get(SearchAttributes.TOPOLOGY);
      String status = d.getTypedSearchAttributes().get(SearchAttributes.STATUS);
      if (topology == null || DeployStatus.ROLLED_BACK.name().equals(status) || DeployStatus.FAILED.name().equals(status)) {
        return Optional.empty();
      }
      return topology(topology);
    });
  }

  /**
   * The topology the deployment's last deploy or destroy ran with (its search attribute), if it
   * says; not a deploy refused before any write (FAILED), which may have asked for the wrong one.
   */
  public Optional<Topology> lastTopology(DeploymentKey key) {
    return describe(key).filter(d -> !(DEPLOY_TYPE.equals(d.getWorkflowType())
            && DeployStatus.FAILED.name().equals(d.getTypedSearchAttributes().get(SearchAttributes.STATUS))))
        .map(d -> d.getTypedSearchAttributes().get(SearchAttributes.TOPOLOGY)).flatMap(Deployments::topology);
  }

  private static Optional<Topology> topology(String value) {
    return Arrays.stream(Topology.values()).filter(t -> t.name().equalsIgnoreCase(value)).findFirst();
  }

  /**
   * Starts the deploy, or joins the run already open for this deployment ({@code USE_EXISTING}). An
   * open run of another kind (a destroy) is a conflict, named with its type and start time. Whether
   * this call created the run is read from the run's memo, not from a describe before the start:
   * two clients starting at once both find no run before, and only one of them creates it.
   */
  public Started startOrAttach(DeployRequest request) {
    DeploymentKey key = request.key();
    Optional<WorkflowExecutionDescription> before = describe(key).filter(Deployments::open);
    before.ifPresent(d -> requireDeploy(d, key));
    String startId = UUID.randomUUID().toString();
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY)
        .setWorkflowId(key.workflowId())
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setStaticSummary("deploy " + key)
        .setMemo(RunMemo.of(request.expectedAccount(), startId))
        .build();
    WorkflowExecution run;
    try {
      run = WorkflowClient.start(client.newWorkflowStub(DeployWorkflow.class, options)::deploy, request);
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
    WorkflowExecutionDescription now = describe(run.getWorkflowId(), Optional.of(run.getRunId()))
        .orElseThrow(() -> CliException.failed("the deploy of " + key + " vanished right after it started"));
    requireDeploy(now, key); // a destroy may have started between the two calls
    boolean attached = !RunMemo.createdBy(now, startId); // a run open before carries another start id
    return new Started(key.toString(), run.getWorkflowId(), run.getRunId(), attached, now.getStartTime());
  }

  /**
   * Starts the destroy. An open run of this deployment, a deploy or another destroy, is a conflict
   * named with its type and start time: a destroy never joins or replaces a running operation.
   */
  public Started startDestroy(DestroyRequest request) {
    DeploymentKey key = request.key();
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY)
        .setWorkflowId(key.workflowId())
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setStaticSummary("destroy " + key)
        .setMemo(RunMemo.of(request.expectedAccount()))
        .build();
    WorkflowExecution run;
    try {
      run = WorkflowClient.start(client.newWorkflowStub(DestroyWorkflow.class, options)::destroy, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw describe(key).filter(Deployments::open).map(d -> busy(d, key)).orElseGet(() -> CliException.failed(
          "another operation on " + key + " was running and has just ended: run destroy again"));
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
    WorkflowExecutionDescription now = describe(run.getWorkflowId(), Optional.of(run.getRunId()))
        .orElseThrow(() -> CliException.failed("the destroy of " + key + " vanished right after it started"));
    return new Started(key.toString(), run.getWorkflowId(), run.getRunId(), false, now.getStartTime());
  }

  /**
   * Starts one adopt run (plan or apply) on the deployment's workflow id. Like a destroy, it never
   * joins or replaces a running operation: an open run of this deployment is a conflict.
   */
  public Started startAdopt(AdoptRequest request) {
    DeploymentKey key = request.key();
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY)
        .setWorkflowId(key.workflowId())
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setStaticSummary((request.apply() ? "adopt " : "adopt plan ") + key)
        .build();
    WorkflowExecution run;
    try {
      run = WorkflowClient.start(client.newWorkflowStub(AdoptWorkflow.class, options)::adopt, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw describe(key).filter(Deployments::open).map(d -> busy(d, key)).orElseGet(() -> CliException.failed(
          "another operation on " + key + " was running and has just ended: run adopt again"));
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
    return new Started(key.toString(), run.getWorkflowId(), run.getRunId(), false, null);
  }

  /** An untyped stub on one adopt run, for its result. */
  public WorkflowStub adoptStub(String workflowId, String runId) {
    return client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.of(ADOPT_TYPE));
  }

  /** Sends an operator decision through the workflow's Update; returns its acknowledgement. */
  public String decide(DeploymentKey key, OperatorDecision decision) {
    WorkflowExecutionDescription d = describe(key).orElseThrow(() -> noDeployment(key));
    if (!open(d)) {
      throw CliException.failed("the last " + d.getWorkflowType() + " of " + key + " has already ended ("
          + d.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "") + "): nothing to " + verb(decision));
    }
    requireDeploy(d, key);
    DeployWorkflow wf = client.newWorkflowStub(DeployWorkflow.class, key.workflowId(), Optional.of(d.getExecution().getRunId()));
    try {
      return wf.decide(decision);
    } catch (WorkflowUpdateException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw CliException.failed("cannot " + verb(decision) + " the deploy of " + key + ": " + message(cause));
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
  }

  /**
   * Requests the cancel of the operation open on this deployment and returns it; a deploy then rolls
   * back what its run created, a destroy stops where it is.
   */
  public WorkflowExecutionDescription cancel(WorkflowExecutionDescription open) {
    try {
      client.newUntypedWorkflowStub(open.getExecution().getWorkflowId(), Optional.of(open.getExecution().getRunId()),
          Optional.of(open.getWorkflowType())).cancel();
      return open;
    } catch (RuntimeException e) {
      throw TemporalErrors.translate(e, conn);
    }
  }

  /** The operation open on this deployment, or a failure saying nothing runs. */
  public WorkflowExecutionDescription running(DeploymentKey key) {
    WorkflowExecutionDescription d = describe(key).orElseThrow(() -> noDeployment(key));
    if (!open(d)) {
      throw CliException.failed("nothing is running on " + key + ": its last " + d.getWorkflowType()
          + " has already ended (" + d.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "") + ")");
    }
    return d;
  }

  /** An untyped stub on one run, for results with a timeout. */
  public WorkflowStub stub(String workflowId, String runId) {
    return client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.of(DEPLOY_TYPE));
  }

  /** A warning when no worker polls the task queue, or empty (also when unknown). */
  public Optional<String> workerWarning(String operation) {
    try {
      int pollers = client.getWorkflowServiceStubs().blockingStub()
          .describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
              .setNamespace(conn.namespace())
              .setTaskQueue(TaskQueue.newBuilder().setName(TaskQueues.DEPLOY).build())
              .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
              .build())
          .getPollersCount();
      return pollers > 0 ? Optional.empty() : Optional.of("[WARN] no worker polls task queue " + TaskQueues.DEPLOY
          + " in namespace " + conn.namespace() + ": the " + operation + " waits until one starts (bin/worker, or client dev)");
    } catch (RuntimeException unknown) {
      return Optional.empty();
    }
  }

  /** An untyped stub on one destroy run, for results with a timeout. */
  public WorkflowStub destroyStub(String workflowId, String runId) {
    return client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.of(DESTROY_TYPE));
  }

  /** A typed stub on one destroy run, for queries. */
  public DestroyWorkflow typedDestroy(String workflowId, String runId) {
    return client.newWorkflowStub(DestroyWorkflow.class, workflowId, Optional.of(runId));
  }

  /** A typed stub on one run, for queries. */
  public DeployWorkflow typed(String workflowId, String runId) {
    return client.newWorkflowStub(DeployWorkflow.class, workflowId, Optional.of(runId));
  }

  public TemporalConnection connection() {
    return conn;
  }

  public static boolean open(WorkflowExecutionDescription d) {
    return d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  public static CliException noDeployment(DeploymentKey key) {
    return CliException.failed("no deployment " + key + " in Temporal (workflow id " + key.workflowId() + ")");
  }

  private static void requireDeploy(WorkflowExecutionDescription d, DeploymentKey key) {
    if (!DEPLOY_TYPE.equals(d.getWorkflowType())) {
      throw new CliException(ExitCodes.FAILED, "another operation is running on " + key + ": "
          + d.getWorkflowType() + " started " + d.getStartTime() + " (workflow id "
          + d.getExecution().getWorkflowId() + "); wait for it to finish, or " + cancelHint(key));
    }
  }

  /** One line: which operation is in the way, its workflow type and when it started. */
  private static CliException busy(WorkflowExecutionDescription d, DeploymentKey key) {
    String type = d.getWorkflowType();
    String operation = DEPLOY_TYPE.equals(type) ? "a deploy" : DESTROY_TYPE.equals(type) ? "a destroy"
        : ADOPT_TYPE.equals(type) ? "an adopt" : "an operation";
    return CliException.failed(operation + " is running on " + key + ": " + type + " started " + d.getStartTime()
        + " (workflow id " + d.getExecution().getWorkflowId() + "); wait for it to finish, or " + cancelHint(key)
        + " ('" + Cli.BIN_NAME + " status --name " + key.name() + " --region " + key.region() + "' shows it)");
  }

  private static String cancelHint(DeploymentKey key) {
    return "cancel it with '" + Cli.BIN_NAME + " cancel --name " + key.name() + " --region " + key.region() + "'";
  }

  private static String verb(OperatorDecision decision) {
    return switch (decision) {
      case RETRY -> "resume";
      case ROLLBACK -> "roll back";
      case ABANDON -> "abandon";
    };
  }

  static String message(Throwable t) {
    if (t instanceof io.temporal.failure.ApplicationFailure af) {
      return af.getOriginalMessage();
    }
    return String.valueOf(t.getMessage());
  }

  /** NOT_FOUND of a workflow (or schedule), not of the namespace. */
  public static boolean notFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre && sre.getStatus().getCode() == Status.Code.NOT_FOUND
          && !String.valueOf(sre.getMessage()).contains("amespace")) {
        return true;
      }
    }
    return false;
  }
}
