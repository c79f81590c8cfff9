package io.harnessdeployer.workflows.adopt;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Takes over a deployment of the original Python tool, like {@code terraform import}: tags its
 * resources with this deployment's tag so that deploy, status and destroy treat them as ours. Start
 * it with workflow id {@code request.key().workflowId()} on {@code TaskQueues.DEPLOY}, the id of
 * deploy and destroy, so it never runs beside them.
 *
 * <p>Two short runs, plan then apply ({@link AdoptRequest#apply()}), rather than one run that
 * waits for a confirming Update: a run waiting on a person would hold the deployment's workflow
 * id (blocking deploy and destroy) for as long as they think, or forever if the CLI dies; two runs
 * hold it for seconds, and the apply re-checks the confirmed plan, so nothing changed between
 * them goes unnoticed.
 *
 * <p>It fails only on invalid input ({@code Validation}); a refusal or a changed plan is a
 * completed run whose report says so, with nothing written.
 */
@WorkflowInterface
public interface AdoptWorkflow {
  @WorkflowMethod
  AdoptReport adopt(AdoptRequest request);
}
