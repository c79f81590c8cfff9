package io.harnessdeployer.workflows.destroy;

import io.harnessdeployer.workflows.common.AccountCheck;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.common.StepOptions;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.progress.ProgressBoard;
import io.harnessdeployer.workflows.steps.DiscoveryActivities;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.TagSearch;
import io.harnessdeployer.workflows.steps.TaggedResources;
import io.harnessdeployer.workflows.steps.StsActivities;
import io.harnessdeployer.workflows.topology.DestroyNotes;
import io.harnessdeployer.workflows.topology.Settings;
import io.harnessdeployer.workflows.topology.Topologies;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Destroy: the topology's resource graph walked backwards ({@link GraphDestroy}). Every delete is
 * idempotent ("not found" is done) and removes only what carries this deployment's tag, so a rerun
 * finishes whatever a failed or canceled run left.
 *
 * <p>VERSIONING RULE: as for the deploy. Versions of {@code resource-graph}: DEFAULT is the
 * sequential destroy of before ({@link SequentialDestroyWorkflowImpl}, kept as it was); 1 is the
 * graph. Versions of {@code destroy-by-tag}: DEFAULT deletes by the given names only; 1 first asks
 * {@link DiscoveryActivities} what carries this deployment's tag and uses those names where the
 * given ones are not this deployment's ({@link TaggedNames}).
 */
public class DestroyWorkflowImpl implements DestroyWorkflow {
  static final String RESOURCE_GRAPH = "resource-graph";
  static final String DESTROY_BY_TAG = "destroy-by-tag";

  private final SequentialDestroyWorkflowImpl sequential = new SequentialDestroyWorkflowImpl();
  private boolean legacy;
  private ProgressBoard<DestroyStatus> board = new ProgressBoard<>("Destroy", "?", DestroyStatus.DESTROYING);

  @Override
  public DestroyReport destroy(DestroyRequest request) {
    if (Workflow.getVersion(RESOURCE_GRAPH, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      legacy = true;
      return sequential.destroy(request);
    }
    DestroyRequest req = DestroyRequestCheck.withDefaults(request);
    DestroyRequestCheck.validate(req);
    Scope scope = new Scope(req.key(), Workflow.getInfo().getRunId(), req.assumeRole());
    List<String> notes = new ArrayList<>();
    if (Workflow.getVersion(DESTROY_BY_TAG, Workflow.DEFAULT_VERSION, 1) == 1) {
      TaggedNames.Choice choice = byTag(req, scope);
      req = req.toBuilder().names(choice.names()).build();
      notes.addAll(choice.notes());
    }
    Settings settings = Settings.forDestroy(req, scope);
    Graph graph = Topologies.graph(settings);
    board = new ProgressBoard<>("Destroy", req.key().tagValue(), DestroyStatus.DESTROYING).concurrent();
    graph.teardown().forEach(n -> board.add(n.id(), n.title()));
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.DEPLOYMENT.valueSet(req.deploymentName()),
        SearchAttributes.REGION.valueSet(req.region()),
        SearchAttributes.TOPOLOGY.valueSet(req.topology().name().toLowerCase()));
    if (req.expectedAccount() != null && AccountCheck.enabled()) {
      checkAccount(req, scope);
    }
    List<ResourceReport> resources;
    try {
      resources = new GraphDestroy(graph, settings.kept(), board).run();
    } catch (CanceledFailure e) {
      board.status(DestroyStatus.CANCELED);
      throw e;
    }
    boolean failed = resources.stream().anyMatch(r -> r.outcome() == DestroyOutcome.FAILED);
    DestroyStatus end = failed ? DestroyStatus.DESTROY_FAILED : DestroyStatus.DESTROYED;
    board.status(end);
    notes.addAll(DestroyNotes.of(req));
    return new DestroyReport(req.key().tagValue(), end, resources, List.copyOf(notes));
  }

  /**
   * The names to destroy by. A lookup that fails for good (e.g. no permission to list) leaves the
   * given names, and says so: destroy by name is what the older version did.
   */
  private static TaggedNames.Choice byTag(DestroyRequest req, Scope scope) {
    DiscoveryActivities discovery = Workflow.newActivityStub(DiscoveryActivities.class,
        StepOptions.awsCall("find resources tagged " + req.key().tagValue()));
    TaggedResources tagged;
    try {
      tagged = discovery.findTagged(new TagSearch(scope, List.of(req.names().cluster())));
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure canceled) {
        throw canceled;
      }
      return new TaggedNames.Choice(req.names(), List.of("could not look for resources by this deployment's tag ("
          + Failures.describe(e) + "): destroyed by the given names only"));
    }
    return TaggedNames.choose(req.names(), tagged);
  }

  /** Before any delete: a worker in another account would find nothing of ours, or delete what is not. */
  private void checkAccount(DestroyRequest req, Scope scope) {
    StsActivities sts = Workflow.newActivityStub(StsActivities.class, StepOptions.awsCall("STS GetCallerIdentity"));
    try {
      AccountCheck.verify(req.expectedAccount(), req.assumeRole(), sts.callerIdentity(scope));
    } catch (ApplicationFailure e) {
      board.status(DestroyStatus.DESTROY_FAILED);
      throw e;
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure canceled) {
        board.status(DestroyStatus.CANCELED);
        throw canceled;
      }
      board.status(DestroyStatus.DESTROY_FAILED);
      String type = Failures.type(e);
      throw ApplicationFailure.newNonRetryableFailure("cannot check the worker's AWS account, nothing was deleted: "
          + Failures.describe(e), type != null ? type : FailureTypes.SERVICE_UNAVAILABLE);
    }
  }

  @Override
  public DestroyProgress progress() {
    if (legacy) {
      return sequential.progress();
    }
    return new DestroyProgress(board.deployment(), board.status(), board.currentStep(), board.steps(),
        board.failures());
  }
}
