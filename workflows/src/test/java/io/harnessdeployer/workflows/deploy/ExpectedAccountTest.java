package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.deploy.DeployTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.AssumedRole;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deploy writes only into the account the client expects: preflight compares the worker's
 * identity with {@code expectedAccount} and a mismatch ends the deploy at once, before any write.
 */
class ExpectedAccountTest {
  @RegisterExtension static final TestWorkflowExtension ext = DeployTestSupport.extension();
  static final String OTHER_ACCOUNT = "210987654321";

  private final FakeAws aws = new FakeAws();
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(aws.all());
    env.start();
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  @Test
  void theWorkersAccount_asExpected_deploys() {
    DeployRequest req = request().expectedAccount(FakeAws.ACCOUNT).build();
    assertEquals(DeployStatus.SUCCEEDED, stub(client, options, req).deploy(req).status());
  }

  @ParameterizedTest(name = "onFailure {0}")
  @EnumSource(OnFailure.class)
  void anotherAccount_failsInPreflight_namingBoth_withNoWriteAndNoPause(OnFailure onFailure) {
    DeployRequest req = request().expectedAccount(OTHER_ACCOUNT).onFailure(onFailure).build();
    DeployWorkflow wf = stub(client, options, req);

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertEquals(FailureTypes.ACCOUNT_MISMATCH, failure.getType());
    assertTrue(failure.isNonRetryable());
    String message = failure.getOriginalMessage();
    assertTrue(message.contains("account " + FakeAws.ACCOUNT) && message.contains("account " + OTHER_ACCOUNT), message);
    assertTrue(message.contains("--profile"), "says where the expected account came from: " + message);
    DeployProgress progress = wf.progress();
    assertEquals(DeployStatus.FAILED, progress.status());
    assertEquals(StepStatus.FAILED, step(progress, "preflight").status());
    assertTrue(step(progress, "preflight").lastError().startsWith("AccountMismatch: "), progress::toString);
    assertEquals(List.of("callerIdentity:" + FakeAws.ACCOUNT), aws.calls,
        "only the identity was read: no image check, no ensure, no undo");
  }

  @Test
  void withARole_theMismatchNamesTheRole() {
    AssumedRole role = new AssumedRole("arn:aws:iam::" + OTHER_ACCOUNT + ":role/deployer", "ext-1");
    DeployRequest req = request().assumeRole(role).expectedAccount(role.account()).build();

    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> stub(client, options, req).deploy(req));

    String message = ((ApplicationFailure) e.getCause()).getOriginalMessage();
    assertTrue(message.contains("role " + role.roleArn()), message);
  }

  @Test
  void malformedAccountOrRole_failsAsValidation_beforeAnyCall() {
    List<DeployRequest> bad = List.of(
        request().expectedAccount("12345").build(),
        request().assumeRole(new AssumedRole("arn:aws:iam::123456789012:user/bob", null)).build(),
        request().assumeRole(new AssumedRole("arn:aws:iam::123456789012:role/r", "x")).build(),
        request().assumeRole(new AssumedRole("arn:aws:iam::123456789012:role/r", null))
            .expectedAccount(OTHER_ACCOUNT).build());
    int n = 0;
    for (DeployRequest req : bad) {
      DeployWorkflow wf = client.newWorkflowStub(DeployWorkflow.class,
          WorkflowOptions.newBuilder(options).setWorkflowId("bad-" + n++).build());
      WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.deploy(req));
      assertEquals(FailureTypes.VALIDATION, ((ApplicationFailure) e.getCause()).getType(), req.toString());
    }
    assertEquals(List.of(), aws.calls);
  }

  @Test
  void noExpectedAccount_asInRequestsOfBefore_checksNothing() {
    DeployRequest req = request().build();
    assertNull(req.expectedAccount());
    assertEquals(DeployStatus.SUCCEEDED, stub(client, options, req).deploy(req).status());
  }

  @Test
  void theRole_travelsInTheScopeOfEveryActivityInput() throws Exception {
    AssumedRole role = new AssumedRole("arn:aws:iam::" + FakeAws.ACCOUNT + ":role/deployer", null);
    DeployRequest req = request().assumeRole(role).expectedAccount(FakeAws.ACCOUNT).build();
    stub(client, options, req).deploy(req);

    List<Scope> scopes = new ArrayList<>();
    synchronized (aws.payloads) {
      for (Object p : aws.payloads) {
        if (p instanceof Scope s) {
          scopes.add(s);
        } else if (p != null && p.getClass().isRecord()) {
          for (RecordComponent c : p.getClass().getRecordComponents()) {
            if (c.getType() == Scope.class) {
              scopes.add((Scope) c.getAccessor().invoke(p));
            }
          }
        }
      }
    }
    assertTrue(scopes.size() >= 12, "every ensure and wait carries a scope: " + scopes.size());
    assertTrue(scopes.stream().allMatch(s -> role.equals(s.role())), scopes::toString);
  }
}
