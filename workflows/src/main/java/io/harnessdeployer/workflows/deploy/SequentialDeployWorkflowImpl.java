package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.progress.ProgressBoard;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 0 of the deploy, before the resource graph: kept so that histories recorded before it
 * replay ({@link DeployWorkflowImpl} runs it when {@code resource-graph} is DEFAULT_VERSION), and
 * registered on its own as the benchmark's sequential baseline. Do not change what it emits.
 *
 * <p>The deploy saga: run the plan step by step; each step's undo is registered BEFORE it runs (a
 * timed-out create may have succeeded) and dropped when the step reports it adopted or updated
 * rather than created. On failure, {@link OnFailure} decides between pausing for the operator and
 * rolling back; cancellation rolls back too. Rollback runs the undos in reverse, one at a time
 * (a role cannot go while the service uses it), and collects every failure instead of stopping.
 *
 * <p>VERSIONING RULE: histories of running and recorded deploys must replay. Any change to the
 * sequence of commands this code emits (activities, timers, search-attribute upserts, the plan's
 * steps or their order) goes behind {@code Workflow.getVersion("<change-id>",
 * Workflow.DEFAULT_VERSION, n)}, keeping the old branch until no history needs it, and adds a
 * recorded history to the replay tests. Versioned changes: {@code rollout-of-own-service} (v1: the
 * allowed-hosts rollout of a service this run created is awaited; v0 skipped it) and {@code
 * wait-for-canceled-calls} (v1: a cancel lets the in-flight AWS call end before the rollback; v0
 * rolled back at once and could miss what that call created).
 */
public class SequentialDeployWorkflowImpl implements DeployWorkflow {

  private final List<Step> undos = new ArrayList<>();
  private ProgressBoard<DeployStatus> board =
      new ProgressBoard<>("Deploy", "?", DeployStatus.RUNNING);
  private final Operator operator = new Operator(() -> board);

  @Override
  public DeploySummary deploy(DeployRequest request) {
    DeployRequest req = DeployRequestCheck.withDefaults(request);
    DeployRequestCheck.validate(req);
    Scope scope = new Scope(req.key(), Workflow.getInfo().getRunId());
    DeploySteps steps = new DeploySteps(req, scope, Workflow.randomUUID().toString());
    List<Step> plan = steps.plan();
    board = new ProgressBoard<>("Deploy", req.key().tagValue(), DeployStatus.RUNNING);
    plan.forEach(s -> board.add(s.id(), s.title()));
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.DEPLOYMENT.valueSet(req.deploymentName()),
        SearchAttributes.REGION.valueSet(req.region()),
        SearchAttributes.TOPOLOGY.valueSet(req.topology().name().toLowerCase()));
    board.status(DeployStatus.RUNNING);
    try {
      for (Step step : plan) {
        if (CancellationScope.current().isCancelRequested() && DeploySteps.waitsForCanceledCalls()) {
          throw new CanceledFailure("deploy canceled before " + step.id()); // the last call ran to its end
        }
        run(step, req.onFailure());
      }
      board.status(DeployStatus.SUCCEEDED);
      Workflow.await(Workflow::isEveryHandlerFinished);
      return steps.summary();
    } catch (CanceledFailure e) {
      Workflow.newDetachedCancellationScope(this::rollBack).run();
      board.status(DeployStatus.CANCELED);
      throw e;
    } catch (Stop stop) {
      throw operator.end(stop, this::rollBack, this::progress);
    }
  }

  /** Runs one step until it succeeds, or the operator (or onFailure) says otherwise. */
  private void run(Step step, OnFailure onFailure) {
    if (step.undo() != null && !undos.contains(step)) {
      undos.add(step);
    }
    while (true) {
      board.step(step.id(), s -> s.running(Workflow.currentTimeMillis()));
      try {
        StepResult result = step.run().get();
        if (result.outcome() != null && !result.outcome().ownedByRun()) {
          undos.remove(step); // adopted or updated: never ours to delete
        }
        long now = Workflow.currentTimeMillis();
        board.step(step.id(), s -> result.skipped()
            ? s.done(now, result.resourceId(), null).skipped()
            : s.done(now, result.resourceId(), result.outcome()));
        return;
      } catch (TemporalFailure e) {
        if (CancellationScope.current().isCancelRequested()) {
          throw new CanceledFailure("deploy canceled during " + step.id());
        }
        String error = Failures.describe(e);
        if (onFailure == OnFailure.ROLLBACK) {
          board.failed(step.id(), StepStatus.FAILED, error, DeployStatus.ROLLING_BACK);
          throw new Stop(OperatorDecision.ROLLBACK, step.id(), error);
        }
        board.failed(step.id(), StepStatus.PAUSED, error, DeployStatus.PAUSED);
        OperatorDecision next = operator.await();
        if (next != OperatorDecision.RETRY) {
          board.failed(step.id(), StepStatus.FAILED, error,
              next == OperatorDecision.ROLLBACK ? DeployStatus.ROLLING_BACK : DeployStatus.ABANDONED);
          throw new Stop(next, step.id(), error);
        }
        board.status(DeployStatus.RUNNING);
      }
    }
  }

  /** Undoes, newest first, what this run registered; a failing undo does not stop the others. */
  private void rollBack() {
    board.status(DeployStatus.ROLLING_BACK);
    for (int i = undos.size() - 1; i >= 0; i--) {
      Step step = undos.get(i);
      board.step(step.id(), s -> s.compensation(StepStatus.COMPENSATING, null));
      try {
        String what = step.undo().get();
        board.step(step.id(), s -> s.compensation(StepStatus.COMPENSATED, what));
      } catch (TemporalFailure e) {
        String error = Failures.describe(e);
        board.failure(step.id(), error, s -> s.compensation(StepStatus.COMPENSATION_FAILED, error));
      }
    }
    board.status(board.failures().isEmpty()
        ? DeployStatus.ROLLED_BACK
        : DeployStatus.ROLLBACK_INCOMPLETE);
  }

  @Override
  public DeployProgress progress() {
    return new DeployProgress(board.deployment(), board.status(), board.currentStep(), board.steps(),
        board.lastError(), board.failures());
  }

  @Override
  public String decide(OperatorDecision next) {
    return operator.decide(next);
  }

  @Override
  public void validateDecide(OperatorDecision next) {
    operator.validate(next);
  }

  @Override
  public void operatorDecision(OperatorDecision next) {
    operator.signal(next);
  }
}
