package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.control.RequestLog;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.steps.AssumedRole;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected account and {@code --assume-role-arn}, real activities against the emulator. */
class AccountOnEmulatorTest extends EmulatorDeployTest {
  static final String OTHER = "210987654321";
  static final String USER = "arn:aws:iam::" + EmulatedAws.ACCOUNT + ":user/emulator";

  @Test
  void anAccountMismatch_failsInPreflight_withZeroWrites() {
    DeployRequest req = request().expectedAccount(OTHER).onFailure(OnFailure.ROLLBACK).build();
    DeployWorkflow wf = stub(req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ACCOUNT_MISMATCH, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("account " + EmulatedAws.ACCOUNT)
        && failure.getOriginalMessage().contains("account " + OTHER), failure.getOriginalMessage());
    assertEquals(DeployStatus.FAILED, wf.progress().status());
    List<String> calls = AWS.emulator.requests().find(null, null).stream()
        .map(r -> r.service() + "." + r.operation()).toList();
    assertEquals(List.of("sts.GetCallerIdentity"), calls, "one read, zero writes");
    assertTrue(CONTROL.live().isEmpty());
  }

  @Test
  void anAssumedRole_carriesEveryCallAfterAssumeRole_intoTheRolesAccount() {
    createRole(OTHER, "central-deployer", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + EmulatedAws.ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\","
        + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"ext-7\"}}}]}");
    AssumedRole role = new AssumedRole("arn:aws:iam::" + OTHER + ":role/central-deployer", "ext-7");
    AWS.emulator.requests().clear();

    DeploySummary summary = deploy(request().assumeRole(role).expectedAccount(role.account()).build());

    assertEquals(DeployStatus.SUCCEEDED, summary.status());
    assertTrue(summary.harnessArn().contains(":" + OTHER + ":"), summary.harnessArn());
    assertTrue(summary.serviceArn().contains(":" + OTHER + ":"), summary.serviceArn());
    List<RequestLog.Entry> aws = AWS.emulator.requests().find(null, null).stream()
        .filter(r -> !r.service().equals("mcp")).toList(); // the health check's plain GETs are unsigned
    RequestLog.Entry assume = aws.get(0);
    assertEquals("sts.AssumeRole", assume.service() + "." + assume.operation());
    assertEquals(USER, assume.caller(), "the worker's own identity assumes the role");
    String assumed = "arn:aws:sts::" + OTHER + ":assumed-role/central-deployer/harness-deployer";
    List<RequestLog.Entry> after = aws.subList(1, aws.size());
    assertTrue(after.size() > 20, "the whole deploy: " + after.size());
    assertEquals(List.of(), after.stream().filter(r -> !assumed.equals(r.caller()))
        .map(r -> r.service() + "." + r.operation() + " as " + r.caller()).toList(),
        "every call after AssumeRole carries the assumed identity");
    assertTrue(after.stream().anyMatch(r -> r.service().equals("bedrock-agentcore-control")
        && r.operation().equals("CreateHarness")), "the hand-signed Harness client too");
    assertEquals(1, AWS.emulator.requests().find("sts", "AssumeRole").size(), "the role's credentials are cached");
  }

  /** A role in another account's IAM, made there directly: the emulator has no key of that account. */
  private static void createRole(String account, String name, String trust) {
    ServiceHandler iam = AWS.emulator.handler("iam").orElseThrow();
    iam.operations().get("CreateRole").invoke(new RequestContext("iam", "CreateRole", account, "us-east-1", "setup",
        Instant.now(), AWS.emulator.settings()), Map.of("RoleName", name, "AssumeRolePolicyDocument", trust));
  }
}
