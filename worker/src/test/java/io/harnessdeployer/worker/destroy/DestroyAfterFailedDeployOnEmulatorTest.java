package io.harnessdeployer.worker.destroy;

import static io.harnessdeployer.worker.destroy.DestroyRig.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import java.util.LinkedHashSet;
import java.util.Map;
import io.harnessdeployer.workflows.progress.StepStatus;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deploy fails for good at one step (a persistent AccessDenied on that step's create), pauses and
 * is abandoned, so what it created stays; destroy then leaves nothing live, with no state file and
 * no look at the deploy's history.
 */
@Timeout(120)
class DestroyAfterFailedDeployOnEmulatorTest {
  static final ResourceNames N = ResourceNames.defaults();

  final DestroyRig rig = new DestroyRig();

  @AfterEach
  void close() {
    rig.close();
  }

  /**
   * The failing step, the call that fails, and what the deploy must have created before it (what
   * the step needs); independent steps beside it may have made more.
   */
  static Stream<Arguments> failures() {
    Set<CloudResource> uptoHarness = new LinkedHashSet<>(fullDeploy(N));
    uptoHarness.remove(new CloudResource("bedrock-agentcore-control", "harness", N.harness()));
    return Stream.of(
        // every CreateRole fails: the roles that start together with the cluster fail together
        Arguments.of("infrastructure-role", "iam", "CreateRole", Set.of()),
        Arguments.of("log-group", "logs", "CreateLogGroup", Set.of()),
        Arguments.of("service", "ecs", "CreateExpressGatewayService", Set.of(secret(N.secret()),
            role(N.taskExecutionRole()), role(N.infrastructureRole()),
            new CloudResource("ecs", "cluster", N.cluster()),
            new CloudResource("logs", "log-group", N.logGroup()))),
        Arguments.of("harness", "bedrock-agentcore-control", "CreateHarness", uptoHarness));
  }

  @ParameterizedTest(name = "deploy failed at {0}")
  @MethodSource("failures")
  void destroyAfterADeployAbandonedAtAStep_leavesNothingLive(String step, String service, String operation,
      Set<CloudResource> needed) {
    rig.api.fault(service, operation, "AccessDeniedException", 1000);
    DeployProgress paused = rig.deployAbandoned(rig.deployRequest().build());
    assertEquals(StepStatus.PAUSED, paused.steps().stream().filter(s -> s.id().equals(step)).findFirst()
        .orElseThrow().status(), paused::toString);
    Set<CloudResource> left = rig.api.live().keySet();
    assertTrue(left.containsAll(needed), "what the failed deploy left: " + left);
    assertTrue(fullDeploy(N).containsAll(left), "nothing but the deploy's own: " + left);
    rig.api.clearFaults();

    DestroyReport report = rig.destroy(rig.destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, report.status(), report.toString());
    assertTrue(report.resources().stream().allMatch(r -> r.outcome().gone()), report.toString());
    long deleted = report.resources().stream().filter(r -> r.outcome() == DestroyOutcome.DELETED).count();
    assertTrue(deleted > 0, "it had something to delete: " + report);
    assertEquals(Set.of(), rig.api.liveTagged(Names.TAG_DEPLOYMENT, TAG_VALUE));
    assertEquals(Map.of(), rig.api.live());
  }
}
