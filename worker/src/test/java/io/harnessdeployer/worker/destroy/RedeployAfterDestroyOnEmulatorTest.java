package io.harnessdeployer.worker.destroy;

import static io.harnessdeployer.worker.destroy.DestroyRig.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.steps.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A deploy after a destroy: it adopts what a keep flag kept (no create call for it in the request
 * log) and restores the secret the destroy soft-deleted (RestoreSecret, no CreateSecret).
 */
@Timeout(120)
class RedeployAfterDestroyOnEmulatorTest {
  final DestroyRig rig = new DestroyRig();
  final ResourceNames names = ResourceNames.defaults();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void afterAFullDestroy_theRedeployRestoresTheSecret_andCreatesTheRest() {
    rig.deploy(rig.deployRequest().build());
    rig.destroy(rig.destroyRequest().build());
    long before = rig.api.lastSeq();

    DeploySummary again = rig.deploy(rig.deployRequest().build());

    Map<String, Outcome> expected = every(again, Outcome.CREATED);
    expected.put("secret", Outcome.RESTORED);
    assertEquals(expected, outcomes(again));
    List<String> calls = rig.api.operationsAfter(before);
    assertEquals(1, count(calls, "secretsmanager.RestoreSecret"), calls.toString());
    assertEquals(0, count(calls, "secretsmanager.CreateSecret"), calls.toString());
    assertEquals(new TreeSet<>(fullDeploy(names, 3)), rig.api.live().keySet(), "a new service: revisions 3 and 4");
  }

  @Test
  void afterDestroyKeepEcs_theRedeployAdoptsClusterLogGroupAndService() {
    DeploySummary first = rig.deploy(rig.deployRequest().build());
    rig.destroy(rig.destroyRequest().keepEcs(true).build());
    long before = rig.api.lastSeq();

    DeploySummary again = rig.deploy(rig.deployRequest().build());

    assertEquals(first.serviceArn(), again.serviceArn());
    Map<String, Outcome> outcomes = outcomes(again);
    assertEquals(Outcome.ADOPTED, outcomes.get("cluster"));
    assertEquals(Outcome.ADOPTED, outcomes.get("log-group"));
    assertFalse(outcomes.get("service").ownedByRun(), outcomes.toString());
    assertEquals(Outcome.RESTORED, outcomes.get("secret"));
    List<String> creates = creates(rig.api.operationsAfter(before));
    // independent ones run at once: compared as a multiset
    assertEquals(List.of("bedrock-agentcore-control.CreateApiKeyCredentialProvider",
        "bedrock-agentcore-control.CreateHarness", "iam.CreateRole", "iam.CreateRole", "iam.CreateRole"),
        creates.stream().sorted().toList(), "only what the destroy deleted is created again (roles, provider, harness)");
    assertTrue(rig.api.operationsAfter(before).contains("secretsmanager.RestoreSecret"));
    assertEquals(new TreeSet<>(fullDeploy(names)), rig.api.live().keySet());
  }

  @Test
  void afterDestroyKeepRole_theRedeployAdoptsTheThreeRoles() {
    rig.deploy(rig.deployRequest().build());
    rig.destroy(rig.destroyRequest().keepRole(true).build());
    long before = rig.api.lastSeq();

    DeploySummary again = rig.deploy(rig.deployRequest().build());

    Map<String, Outcome> outcomes = outcomes(again);
    for (String role : List.of("task-execution-role", "infrastructure-role", "harness-role")) {
      assertFalse(outcomes.get(role).ownedByRun(), role + " " + outcomes);
    }
    List<String> calls = rig.api.operationsAfter(before);
    assertEquals(0, count(calls, "iam.CreateRole"), calls.toString());
    assertEquals(1, count(calls, "secretsmanager.RestoreSecret"), calls.toString());
    assertEquals(new TreeSet<>(fullDeploy(names, 3)), rig.api.live().keySet(), "a new service: revisions 3 and 4");
  }

  private static Map<String, Outcome> every(DeploySummary s, Outcome outcome) {
    Map<String, Outcome> m = new LinkedHashMap<>();
    s.resources().forEach(r -> m.put(r.step(), outcome));
    return m;
  }

  private static Map<String, Outcome> outcomes(DeploySummary s) {
    Map<String, Outcome> m = new LinkedHashMap<>();
    s.resources().forEach(r -> m.put(r.step(), r.outcome()));
    return m;
  }

  private static List<String> creates(List<String> calls) {
    return calls.stream().filter(c -> c.substring(c.indexOf('.') + 1).startsWith("Create")).toList();
  }

  private static long count(List<String> calls, String call) {
    return calls.stream().filter(call::equals).count();
  }
}
