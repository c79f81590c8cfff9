package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyOutcome.*;
import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.destroy.FakeCloud.Fault;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import io.harnessdeployer.workflows.deploy.EcsGraphOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Destroy after a deploy that failed at each step and was abandoned: it deletes what the deploy
 * got to create, finds the rest already gone, and succeeds, with no state file and no look at the
 * deploy's history (the seed could not clean up after a failed ecs deploy, Appendix B.15).
 */
class DestroyAfterFailedDeployTest {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

  /** A step's call that fails, and the destroy steps whose resources that deploy step creates. */
  record DeployStep(String call, List<String> creates) {}

  /** The deploy plan in order. */
  static final Map<String, DeployStep> DEPLOY = new LinkedHashMap<>();

  static {
    DEPLOY.put("preflight", new DeployStep("callerIdentity:sts", List.of()));
    DEPLOY.put("secret", new DeployStep("ensureSecret:zscaler-mcp-harness/credentials", List.of("secret")));
    DEPLOY.put("task-execution-role", new DeployStep(
        "ensureTaskExecutionRole:zscaler-mcp-ecs-task-execution-role", List.of("task-execution-role")));
    DEPLOY.put("infrastructure-role", new DeployStep(
        "ensureInfrastructureRole:zscaler-mcp-ecs-infrastructure-role", List.of("infrastructure-role")));
    DEPLOY.put("cluster", new DeployStep("ensureCluster:zscaler-mcp", List.of("cluster")));
    DEPLOY.put("log-group", new DeployStep("ensureLogGroup:/ecs/zscaler-mcp", List.of("log-group")));
    DEPLOY.put("service", new DeployStep("ensureService:zscaler-mcp-server", List.of("service", "task-definitions")));
    DEPLOY.put("service-active", new DeployStep("awaitServiceActive:service", List.of()));
    DEPLOY.put("allowed-hosts", new DeployStep("ensureService+host:zscaler-mcp-server", List.of()));
    DEPLOY.put("service-rollout", new DeployStep("awaitServiceRollout:service", List.of()));
    DEPLOY.put("health", new DeployStep("awaitHealthy:health", List.of()));
    DEPLOY.put("credential-provider", new DeployStep("ensureApiKeyProvider:zscaler-mcp-creds",
        List.of("credential-provider")));
    DEPLOY.put("harness-role", new DeployStep("ensureHarnessRole:zscaler-mcp-harness-execution-role",
        List.of("harness-role")));
    DEPLOY.put("harness", new DeployStep("ensureHarness:zscaler_mcp_harness", List.of("harness")));
    DEPLOY.put("harness-ready", new DeployStep("awaitHarnessReady:harness", List.of()));
  }

  private final FakeCloud cloud = new FakeCloud();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(cloud.all());
    env.start();
    this.env = env;
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  static Stream<String> deploySteps() {
    return DEPLOY.keySet().stream();
  }

  @ParameterizedTest(name = "destroy after a deploy abandoned at {0}")
  @MethodSource("deploySteps")
  void deletesWhatTheDeployCreated_findsTheRestGone_andSucceeds(String failing) {
    cloud.fault(DEPLOY.get(failing).call(), new Fault(FailureTypes.ACCESS_DENIED, false, 1));
    if (failing.equals("preflight")) { // before any write: the deploy fails at once, nothing to abandon
      assertThrows(WorkflowFailedException.class, () -> deploy(client, options, deployRequest().build()));
    } else {
      deployAbandoned(env, options, deployRequest().build());
    }

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, report.status(), report.toString());
    // what the failed step needed was made before it; siblings in flight may have been too;
    // nothing that needs the failed step ever started
    Set<String> deleted = new HashSet<>();
    for (ResourceReport r : report.resources()) {
      assertTrue(r.outcome() == DELETED || r.outcome() == ALREADY_GONE, r.toString());
      if (r.outcome() == DELETED) {
        deleted.add(r.step());
      }
    }
    Set<String> mustExist = new HashSet<>();
    Set<String> mayExist = new HashSet<>();
    for (Map.Entry<String, DeployStep> step : DEPLOY.entrySet()) {
      if (EcsGraphOrder.dependsOn(failing, step.getKey())) {
        mustExist.addAll(step.getValue().creates());
      }
      if (!step.getKey().equals(failing) && !EcsGraphOrder.dependsOn(step.getKey(), failing)) {
        mayExist.addAll(step.getValue().creates());
      }
    }
    assertTrue(deleted.containsAll(mustExist), "needed by " + failing + ": " + mustExist + ", deleted " + deleted);
    assertTrue(mayExist.containsAll(deleted), "independent of " + failing + ": " + mayExist + ", deleted " + deleted);
    assertEquals(List.of(), cloud.resources(), "zero resources of ours remain");
  }

  @Test
  void afterAnIncompleteRollback_destroyRemovesWhatTheRollbackLeft() {
    cloud.fault("awaitHarnessReady:harness", new Fault(FailureTypes.UNHEALTHY, false, 1));
    cloud.fault("deleteRole:zscaler-mcp-ecs-task-execution-role", new Fault(FailureTypes.ACCESS_DENIED, false, 1));
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> deploy(client, options, deployRequest().onFailure(OnFailure.ROLLBACK).build()));
    assertEquals(FailureTypes.ROLLBACK_INCOMPLETE, ((ApplicationFailure) e.getCause()).getType());
    assertEquals(List.of("iam-role/zscaler-mcp-ecs-task-execution-role"), cloud.resources());

    DestroyReport report = destroy(client, options, destroyRequest().build());

    assertEquals(DELETED, report.of("task-execution-role").outcome());
    assertEquals(1, report.resources().stream().filter(r -> r.outcome() == DELETED).count());
    assertEquals(List.of(), cloud.resources());
  }

}
