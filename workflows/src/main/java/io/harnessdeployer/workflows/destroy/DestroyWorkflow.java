package io.harnessdeployer.workflows.destroy;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Deletes what a deployment created (ecs topology, spec §7.2), found by the deterministic names of
 * the request and the deployment tag, never by a state file or the deploy's history. Start it with
 * workflow id {@code request.key().workflowId()} on {@code TaskQueues.DEPLOY}: the deploy uses the
 * same id, so the two never overlap.
 *
 * <p>A failing delete does not stop the others. The workflow completes with the per-resource report
 * even when some deletes failed ({@link DestroyReport#hasFailures()}, status {@code
 * DESTROY_FAILED}); it fails only on invalid input ({@code Validation}) and ends canceled when
 * canceled (what was deleted stays deleted; a rerun finishes the rest).
 */
@WorkflowInterface
public interface DestroyWorkflow {
  @WorkflowMethod
  DestroyReport destroy(DestroyRequest request);

  @QueryMethod
  DestroyProgress progress();
}
