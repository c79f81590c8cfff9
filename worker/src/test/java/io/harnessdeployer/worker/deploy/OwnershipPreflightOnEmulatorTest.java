package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.common.Policies;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole deploys on the emulator against resources that are not theirs: the preflight finds every
 * one before the first write, and the deploy stops there with all of them in one error.
 */
class OwnershipPreflightOnEmulatorTest extends EmulatorDeployTest {
  static final Map<String, String> OTHER = Map.of(
      Names.TAG_MANAGED_BY, Names.TAG_MANAGED_BY_VALUE, Names.TAG_INTEGRATION, Names.TAG_INTEGRATION_VALUE,
      Names.TAG_DEPLOYMENT, "us-west-2/" + DEPLOYMENT, Names.TAG_RUN, "run-west");

  @Test
  void resourcesOfAnotherDeploymentAndUntaggedOnes_stopTheDeployInPreflight_allNamed_zeroWrites() {
    // our deployment's name in another region: IAM is global, so its roles carry our names
    for (String role : List.of(Names.HARNESS_ROLE, Names.ECS_TASK_EXECUTION_ROLE)) {
      AWS.clients.iam().createRole(r -> r.roleName(role).assumeRolePolicyDocument(Policies.trust(Names.PRINCIPAL_ECS))
          .tags(OTHER.entrySet().stream().map(t -> software.amazon.awssdk.services.iam.model.Tag.builder()
              .key(t.getKey()).value(t.getValue()).build()).toList()));
    }
    // the original tool's log group: only its two standard tags
    AWS.clients.logs(EmulatedAws.REGION).createLogGroup(r -> r.logGroupName(Names.ECS_LOG_GROUP)
        .tags(Names.standardTags()));
    // a pre-existing untagged cluster is adopted (spec §9.7): no conflict
    AWS.clients.ecs(EmulatedAws.REGION).createCluster(r -> r.clusterName(Names.ECS_CLUSTER));
    Map<CloudResource, String> before = CONTROL.statuses();
    Map<String, Integer> callsBefore = CONTROL.callCounts();

    DeployRequest req = request().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(req);
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    ApplicationFailure stop = (ApplicationFailure) e.getCause();
    // nothing was written, so nothing is rolled back: the deploy ends FAILED at once (fail-before-writes)
    assertEquals(FailureTypes.CONFLICT, stop.getType(), stop.getMessage());
    DeployProgress progress = wf.progress();
    assertEquals(DeployStatus.FAILED, progress.status());
    assertEquals(StepStatus.FAILED, step(progress, "preflight").status());
    progress.steps().stream().filter(s -> !s.id().equals("preflight")).forEach(s ->
        assertEquals(StepStatus.PENDING, s.status(), s.id() + " never started"));
    String error = step(progress, "preflight").lastError();
    assertTrue(error.contains("preflight: 3 resources are not this deployment's, nothing was written"), error);
    for (String named : List.of(
        "IAM role " + Names.HARNESS_ROLE + " is owned by deployment us-west-2/" + DEPLOYMENT,
        "IAM role " + Names.ECS_TASK_EXECUTION_ROLE + " is owned by deployment us-west-2/" + DEPLOYMENT,
        "log group " + Names.ECS_LOG_GROUP + " has no harness-deployer tag (made by the original tool or by hand)",
        "--role-name", "--ecs-execution-role-name", "--ecs-log-group", "client adopt",
        "destroy --region us-west-2 --name " + DEPLOYMENT)) {
      assertTrue(error.contains(named), named + " in: " + error);
    }
    assertFalse(error.contains("ECS cluster"), error);
    assertTrue(stop.getMessage().contains(Names.HARNESS_ROLE), stop.getMessage());

    assertEquals(Map.of(), writes(delta(callsBefore, CONTROL.callCounts())), "no write at all");
    assertHoldsExactly(before);
  }

  @Test
  void aSecondDeployWithTheDefaultNames_stopsInPreflight_theFirstIsUntouched() {
    DeploySummary first = deploy(request().build());
    assertEquals(DeployStatus.SUCCEEDED, first.status());
    Map<CloudResource, String> before = CONTROL.statuses();
    Map<String, Integer> callsBefore = CONTROL.callCounts();

    DeployRequest second = DeployRequest.builder("second", EmulatedAws.REGION, AWS.sealedCredentials())
        .onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(second);
    assertThrows(WorkflowFailedException.class, () -> wf.deploy(second));

    String error = step(wf.progress(), "preflight").lastError();
    // all nine resources of the first, its cluster included: it created and tagged it
    assertTrue(error.contains("preflight: 9 resources are not this deployment's"), error);
    assertEquals(Map.of(), writes(delta(callsBefore, CONTROL.callCounts())), "the first deployment is untouched");
    assertHoldsExactly(before);
    assertEquals(Outcome.ADOPTED, deploy(request().build()).resources().stream()
        .filter(r -> r.step().equals("harness")).findFirst().orElseThrow().outcome(), "still the first's");
  }

  private static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
    Map<String, Integer> out = new java.util.HashMap<>();
    after.forEach((k, v) -> {
      int d = v - before.getOrDefault(k, 0);
      if (d != 0) {
        out.put(k, d);
      }
    });
    return out;
  }

  /** The calls that may change something: anything but Get, Describe, List and BatchGet. */
  private static Map<String, Integer> writes(Map<String, Integer> calls) {
    Map<String, Integer> out = new java.util.HashMap<>(calls);
    out.keySet().removeIf(k -> k.matches(".*\\.(Get|Describe|List|BatchGet)\\w*"));
    return out;
  }
}
