package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.progress.ProgressBoard;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.topology.Settings;
import io.harnessdeployer.workflows.topology.Topologies;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The deploy saga over the topology's resource graph ({@link GraphDeploy}): independent resources
 * are ensured at once. On failure, {@link OnFailure} decides between pausing for the operator and
 * rolling back; a cancel rolls back too, once the calls in flight have ended.
 *
 * <p>VERSIONING RULE: histories of running and recorded deploys must replay. Any change to the
 * commands this code emits (activities, timers, search-attribute upserts, the graph's nodes, their
 * needs) goes behind {@code Workflow.getVersion}, and adds a recorded history to the replay tests.
 * Versions of {@code resource-graph}: DEFAULT is the sequential deploy of before ({@link
 * SequentialDeployWorkflowImpl}, kept as it was); 1 is the graph.
 */
public class DeployWorkflowImpl implements DeployWorkflow {
  static final String RESOURCE_GRAPH = "resource-graph";

  private final SequentialDeployWorkflowImpl sequential = new SequentialDeployWorkflowImpl();
  private boolean legacy;
  private ProgressBoard<DeployStatus> board = new ProgressBoard<>("Deploy", "?", DeployStatus.RUNNING);
  private final Operator operator = new Operator(() -> board);

  @Override
  public DeploySummary deploy(DeployRequest request) {
    if (Workflow.getVersion(RESOURCE_GRAPH, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      legacy = true;
      return sequential.deploy(request);
    }
    DeployRequest req = DeployRequestCheck.withDefaults(request);
    DeployRequestCheck.validate(req);
    Scope scope = new Scope(req.key(), Workflow.getInfo().getRunId(), req.assumeRole());
    Settings settings = Settings.forDeploy(req, scope, Workflow.randomUUID().toString());
    Graph graph = Topologies.graph(settings);
    board = new ProgressBoard<>("Deploy", req.key().tagValue(), DeployStatus.RUNNING).concurrent();
    graph.ensured().forEach(n -> board.add(n.id(), n.title()));
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.DEPLOYMENT.valueSet(req.deploymentName()),
        SearchAttributes.REGION.valueSet(req.region()),
        SearchAttributes.TOPOLOGY.valueSet(req.topology().name().toLowerCase()));
    GraphDeploy run = new GraphDeploy(graph, board, operator::await);
    try {
      run.run(req.onFailure());
      board.clearLastError();
      board.status(DeployStatus.SUCCEEDED);
      Workflow.await(Workflow::isEveryHandlerFinished);
      List<java.util.Map.Entry<Node, Ensured>> results = run.results();
      return Topologies.summary(settings, run.outputs(), results);
    } catch (CanceledFailure e) {
      Workflow.newDetachedCancellationScope(run::rollBack).run();
      board.status(DeployStatus.CANCELED);
      throw e;
    } catch (Stop stop) {
      throw operator.end(stop, run::rollBack, this::progress);
    } catch (Refused refused) {
      throw ApplicationFailure.newNonRetryableFailure(refused.error, refused.type, progress());
    }
  }

  @Override
  public DeployProgress progress() {
    if (legacy) {
      return sequential.progress();
    }
    return new DeployProgress(board.deployment(), board.status(), board.currentStep(), board.steps(),
        board.lastError(), board.failures());
  }

  @Override
  public String decide(OperatorDecision next) {
    return legacy ? sequential.decide(next) : operator.decide(next);
  }

  @Override
  public void validateDecide(OperatorDecision next) {
    if (legacy) {
      sequential.validateDecide(next);
    } else {
      operator.validate(next);
    }
  }

  @Override
  public void operatorDecision(OperatorDecision next) {
    if (legacy) {
      sequential.operatorDecision(next);
    } else {
      operator.signal(next);
    }
  }
}
