package io.harnessdeployer.workflows.deploy;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Deploys one deployment (ecs topology). Start it with workflow id {@code
 * request.key().workflowId()} on {@code TaskQueues.DEPLOY}: destroy uses the same id, so the two
 * never overlap.
 *
 * <p>Ends by returning the summary, or failing with an {@code ApplicationFailure} of type {@code
 * RolledBack}, {@code RollbackIncomplete} or {@code Abandoned} (see {@code FailureTypes}), or
 * canceled (after rolling back).
 */
@WorkflowInterface
public interface DeployWorkflow {
  @WorkflowMethod
  DeploySummary deploy(DeployRequest request);

  @QueryMethod
  DeployProgress progress();

  /** The operator's decision on a paused deploy; returns a one-line acknowledgement. */
  @UpdateMethod
  String decide(OperatorDecision decision);

  /** Rejects a decision unless the deploy is PAUSED (nothing is written to history then). */
  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(OperatorDecision decision);

  /** Same as {@link #decide}, for senders that can only signal; ignored unless PAUSED. */
  @SignalMethod
  void operatorDecision(OperatorDecision decision);
}
