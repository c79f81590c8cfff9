package io.harnessdeployer.workflows.destroy;

import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.destroy.DestroyStep.Done;
import io.harnessdeployer.workflows.progress.ProgressBoard;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Version 0 of destroy, before the resource graph: kept so that histories recorded before it
 * replay ({@link DestroyWorkflowImpl} runs it when {@code resource-graph} is DEFAULT_VERSION), and
 * the benchmark's sequential baseline. Do not change what it emits.
 *
 * <p>Destroy: walk the plan once, one delete at a time (a role cannot go while the service uses it);
 * a failed delete is reported and the walk goes on, so one stuck resource never strands the rest.
 * Every delete is idempotent ("not found" is done), so a rerun finishes whatever a failed or
 * canceled run left.
 *
 * <p>VERSIONING RULE: as for the deploy. Any change to the sequence of commands this code emits
 * (activities, search-attribute upserts, the plan's steps or their order) goes behind {@code
 * Workflow.getVersion} and adds a recorded history to the replay tests. No versioned changes yet.
 */
public class SequentialDestroyWorkflowImpl implements DestroyWorkflow {
  private static final Logger log = Workflow.getLogger(SequentialDestroyWorkflowImpl.class);

  private ProgressBoard<DestroyStatus> board =
      new ProgressBoard<>("Destroy", "?", DestroyStatus.DESTROYING);

  @Override
  public DestroyReport destroy(DestroyRequest request) {
    DestroyRequest req = DestroyRequestCheck.withDefaults(request);
    DestroyRequestCheck.validate(req);
    DestroySteps steps = new DestroySteps(req, new Scope(req.key(), Workflow.getInfo().getRunId()));
    List<DestroyStep> plan = steps.plan();
    board = new ProgressBoard<>("Destroy", req.key().tagValue(), DestroyStatus.DESTROYING);
    plan.forEach(s -> board.add(s.id(), s.title()));
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.DEPLOYMENT.valueSet(req.deploymentName()),
        SearchAttributes.REGION.valueSet(req.region()),
        SearchAttributes.TOPOLOGY.valueSet(req.topology().name().toLowerCase()));
    board.status(DestroyStatus.DESTROYING);
    List<ResourceReport> resources = new ArrayList<>();
    try {
      for (DestroyStep step : plan) {
        resources.add(run(step));
      }
    } catch (CanceledFailure e) {
      board.status(DestroyStatus.CANCELED);
      throw e;
    }
    boolean failed = resources.stream().anyMatch(r -> r.outcome() == DestroyOutcome.FAILED);
    DestroyStatus end = failed ? DestroyStatus.DESTROY_FAILED : DestroyStatus.DESTROYED;
    board.status(end);
    return new DestroyReport(req.key().tagValue(), end, List.copyOf(resources), steps.notes());
  }

  private ResourceReport run(DestroyStep step) {
    Done done;
    if (step.keptBy() != null) {
      done = new Done(DestroyOutcome.KEPT_BY_FLAG, "kept: " + step.keptBy());
    } else {
      board.step(step.id(), s -> s.running(Workflow.currentTimeMillis()));
      try {
        done = step.delete().get();
      } catch (TemporalFailure e) {
        if (CancellationScope.current().isCancelRequested()) {
          throw new CanceledFailure("destroy canceled during " + step.id());
        }
        done = new Done(DestroyOutcome.FAILED, Failures.describe(e));
      }
    }
    record(step, done);
    return new ResourceReport(step.id(), step.kind(), step.name(), done.outcome(), done.detail());
  }

  private void record(DestroyStep step, Done done) {
    long now = Workflow.currentTimeMillis();
    if (done.outcome() == DestroyOutcome.FAILED) {
      log.warn("destroy {}: {} failed: {}", board.deployment(), step.id(), done.detail());
      board.failure(step.id(), done.detail(),
          s -> s.done(now, step.name(), null).failed(now, StepStatus.FAILED, done.detail()));
      return;
    }
    StepStatus status = done.outcome() == DestroyOutcome.KEPT_BY_FLAG ? StepStatus.SKIPPED : StepStatus.DONE;
    board.step(step.id(), s -> s.done(now, step.name(), null).compensation(status, done.outcome().name()));
  }

  @Override
  public DestroyProgress progress() {
    return new DestroyProgress(board.deployment(), board.status(), board.currentStep(), board.steps(),
        board.failures());
  }
}
