package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.deploy.OperatorDecision;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway topology's failure matrix on the emulator: a non-retryable fault in each step (on a
 * call before its write), under ROLLBACK (nothing of ours is left) and under PAUSE, where a RETRY
 * meets a healthy cloud and finishes the deploy.
 */
class GatewayFailureOnEmulatorTest extends EmulatorDeployTest {
  static final GatewayNames N = GatewayNames.defaults();
  static final ResourceNames R = ResourceNames.defaults();
  static final String AGENTCORE = "bedrock-agentcore-control";
  static final Map<String, StepFaults.Trigger> FAULT = new LinkedHashMap<>();

  static {
    fault("secret", "EnsureSecret", "secretsmanager", "DescribeSecret", null, 400);
    fault("user-pool", "EnsureUserPool", "cognito-idp", "ListUserPools", null, 400);
    fault("resource-server", "EnsureResourceServer", "cognito-idp", "DescribeResourceServer", N.resourceServer(), 400);
    fault("app-client", "EnsureAppClient", "cognito-idp", "ListUserPoolClients", null, 400);
    fault("domain", "EnsureDomain", "cognito-idp", "DescribeUserPoolDomain", N.domain(EmulatedAws.ACCOUNT), 400);
    fault("oauth-provider", "EnsureOauth2Provider", AGENTCORE, "GetOauth2CredentialProvider", null, 403);
    fault("runtime-role", "EnsureRuntimeRole", "iam", "GetRole", N.runtimeRole(), 403);
    fault("runtime", "EnsureRuntime", AGENTCORE, "ListAgentRuntimes", null, 403);
    fault("runtime-ready", "AwaitRuntimeReady", AGENTCORE, "GetAgentRuntime", null, 403);
    fault("gateway-role", "EnsureGatewayRole", "iam", "GetRole", N.gatewayRole(), 403);
    fault("gateway", "EnsureGateway", AGENTCORE, "ListGateways", null, 403);
    fault("gateway-ready", "AwaitGatewayReady", AGENTCORE, "GetGateway", null, 403);
    fault("gateway-target", "EnsureGatewayTarget", AGENTCORE, "ListGatewayTargets", null, 403);
    fault("gateway-target-ready", "AwaitGatewayTargetReady", AGENTCORE, "GetGatewayTarget", null, 403);
    fault("harness-role", "EnsureHarnessRole", "iam", "GetRole", R.harnessRole(), 403);
    fault("harness", "EnsureHarness", AGENTCORE, "ListHarnesses", null, 403);
    fault("harness-ready", "AwaitHarnessReady", AGENTCORE, "GetHarness", null, 403);
  }

  private static void fault(String step, String activityType, String service, String operation, String resource,
      int status) {
    String code = service.equals("iam") ? "AccessDenied" : "AccessDeniedException";
    FAULT.put(step, new StepFaults.Trigger(activityType, args -> true,
        c -> c.fault(service, operation, resource, code, status, 1)));
  }

  static Stream<String> steps() {
    return FAULT.keySet().stream();
  }

  DeployRequest.Builder gateway() {
    return request().topology(Topology.GATEWAY);
  }

  @ParameterizedTest(name = "ROLLBACK after a failure at {0}: nothing of ours is left")
  @MethodSource("steps")
  void onFailureRollback_leavesNothingOfOurs(String failing) {
    FAULTS.arm(FAULT.get(failing));
    DeployRequest req = gateway().onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    assertTrue(FAULTS.fired(), "the step was reached");
    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ROLLED_BACK, failure.getType(), failure.getOriginalMessage());
    assertTrue(failure.getOriginalMessage().startsWith("rolled back after " + failing + " failed: AccessDenied"),
        failure.getOriginalMessage());
    DeployProgress p = wf.progress();
    assertEquals(DeployStatus.ROLLED_BACK, p.status(), p::toString);
    assertEquals(List.of(), p.compensationFailures());
    p.steps().stream().filter(s -> s.outcome() == Outcome.CREATED)
        .forEach(s -> assertEquals("DELETED", s.compensation(), s.id()));
    assertLive(Set.of());
  }

  @ParameterizedTest(name = "PAUSE at {0}, then RETRY finishes the deploy")
  @MethodSource("steps")
  void onFailurePause_retryContinues(String failing) {
    FAULTS.arm(FAULT.get(failing));
    DeployWorkflow wf = start(gateway().build());

    DeployProgress paused = awaitStatus(wf, DeployStatus.PAUSED);
    assertEquals(failing, paused.currentStep());
    assertEquals(StepStatus.PAUSED, step(paused, failing).status());
    assertTrue(step(paused, failing).lastError().startsWith("AccessDenied"), step(paused, failing).lastError());
    assertTrue(CONTROL.callCounts().keySet().stream().noneMatch(k -> k.contains(".Delete")), "nothing undone while paused");

    wf.decide(OperatorDecision.RETRY);
    DeploySummary summary = WorkflowStub.fromTyped(wf).getResult(DeploySummary.class);

    assertEquals("READY", summary.harnessStatus());
    assertTrue(summary.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED), summary.resources()::toString);
    assertEquals(13, summary.resources().size());
    CONTROL.createCalls().forEach((call, n) -> assertEquals(1, n, call + " once: the retry adopted nothing twice"));
  }
}
