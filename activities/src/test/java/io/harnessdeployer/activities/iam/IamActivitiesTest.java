package io.harnessdeployer.activities.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.common.Policies;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.TaskExecutionRoleSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** IAM roles against the real emulator: one create, adopt on rerun, policies refreshed, safe deletes. */
class IamActivitiesTest {
  static final String SECRET_ARN =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:zscaler-mcp-harness/credentials-AbC123";
  static EmulatorRig rig;
  static IamActivitiesImpl iamActivities;
  static IamClient iam;
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    iam = rig.aws.iam();
    iamActivities = new IamActivitiesImpl(iam);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  TaskExecutionRoleSpec taskRole(Scope scope, String secretArn) {
    return new TaskExecutionRoleSpec(scope, Names.ECS_TASK_EXECUTION_ROLE, Names.DEFAULT_IMAGE, secretArn);
  }

  Set<String> inline(String role) {
    return Set.copyOf(iam.listRolePolicies(r -> r.roleName(role)).policyNames());
  }

  Set<String> attached(String role) {
    return iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies().stream()
        .map(p -> p.policyArn()).collect(Collectors.toSet());
  }

  List<Map<String, Object>> roles() {
    return rig.resources("iam").stream().filter(r -> "role".equals(r.get("type"))).toList();
  }

  @Test
  void ensureTaskExecutionRole_twice_createsOnce_rerunAdopts() {
    ResourceRef first = iamActivities.ensureTaskExecutionRole(taskRole(RUN_1, SECRET_ARN));
    ResourceRef retry = iamActivities.ensureTaskExecutionRole(taskRole(RUN_1, SECRET_ARN));
    ResourceRef rerun = iamActivities.ensureTaskExecutionRole(taskRole(RUN_2, SECRET_ARN));
    assertEquals(Outcome.CREATED, first.outcome());
    assertEquals(Outcome.CREATED, retry.outcome());
    assertEquals(Outcome.ADOPTED, rerun.outcome(), "nothing differed, nothing written");
    assertEquals(1, rig.count("iam", "CreateRole"));
    assertEquals(2, rig.count("iam", "PutRolePolicy"), "CrossAccountEcrPull and ReadZscalerSecrets, once");
    assertEquals(1, rig.count("iam", "AttachRolePolicy"));
    assertEquals(1, roles().size());
    assertEquals(first.arn(), rerun.arn());
    assertEquals(Set.of(Names.POLICY_CROSS_ACCOUNT_ECR_PULL, Names.POLICY_READ_ZSCALER_SECRETS),
        inline(Names.ECS_TASK_EXECUTION_ROLE));
    assertEquals(Set.of(Names.MANAGED_POLICY_TASK_EXECUTION), attached(Names.ECS_TASK_EXECUTION_ROLE));
    var tags = iam.getRole(r -> r.roleName(Names.ECS_TASK_EXECUTION_ROLE)).role().tags().stream()
        .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    assertEquals(RUN_1.tags(), tags);
  }

  @Test
  void ensureTaskExecutionRole_withoutSecret_removesReadZscalerSecrets_andSaysUpdated() {
    iamActivities.ensureTaskExecutionRole(taskRole(RUN_1, SECRET_ARN));
    ResourceRef plaintext = iamActivities.ensureTaskExecutionRole(taskRole(RUN_2, null));
    assertEquals(Outcome.UPDATED, plaintext.outcome());
    assertEquals(Set.of(Names.POLICY_CROSS_ACCOUNT_ECR_PULL), inline(Names.ECS_TASK_EXECUTION_ROLE));
  }

  @Test
  void ensureTaskExecutionRole_nonEcrImage_hasNoEcrPull() {
    iamActivities.ensureTaskExecutionRole(new TaskExecutionRoleSpec(RUN_1, "r-docker", "docker.io/acme/mcp:1", null));
    assertTrue(inline("r-docker").isEmpty());
  }

  @Test
  void ensureHarnessRole_refreshesAChangedPolicy() {
    HarnessRoleSpec spec = new HarnessRoleSpec(RUN_1, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME);
    assertEquals(Outcome.CREATED, iamActivities.ensureHarnessRole(spec).outcome());
    iam.putRolePolicy(r -> r.roleName(Names.HARNESS_ROLE).policyName(Names.POLICY_HARNESS_INLINE)
        .policyDocument(Policies.readZscalerSecrets("us-east-1", SECRET_ARN)));
    assertEquals(Outcome.UPDATED, iamActivities.ensureHarnessRole(
        new HarnessRoleSpec(RUN_2, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME)).outcome());
    String live = iam.getRolePolicy(r -> r.roleName(Names.HARNESS_ROLE).policyName(Names.POLICY_HARNESS_INLINE))
        .policyDocument();
    assertTrue(Policies.same(live, Policies.harnessInline("us-east-1", "123456789012", Names.HARNESS_NAME)));
    assertEquals(Outcome.ADOPTED, iamActivities.ensureHarnessRole(
        new HarnessRoleSpec(RUN_2, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME)).outcome());
  }

  @Test
  void deleteRole_detachesAndDeletesPoliciesFirst_thenAlreadyGone() {
    iamActivities.ensureTaskExecutionRole(taskRole(RUN_1, SECRET_ARN));
    iamActivities.ensureInfrastructureRole(new RoleSpec(RUN_1, Names.ECS_INFRASTRUCTURE_ROLE));
    for (String role : List.of(Names.ECS_TASK_EXECUTION_ROLE, Names.ECS_INFRASTRUCTURE_ROLE)) {
      assertEquals(DeleteOutcome.DELETED,
          iamActivities.deleteRole(new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, role)).outcome());
      assertEquals(DeleteOutcome.ALREADY_GONE,
          iamActivities.deleteRole(new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, role)).outcome());
    }
    assertTrue(roles().isEmpty());
    assertEquals(2, rig.count("iam", "DetachRolePolicy"));
    assertEquals(2, rig.count("iam", "DeleteRolePolicy"));
  }

  @Test
  void deleteRole_keepsWhatIsNotOurs() {
    iam.createRole(r -> r.roleName("operators").assumeRolePolicyDocument(Policies.trust("ecs.amazonaws.com")));
    iamActivities.ensureInfrastructureRole(new RoleSpec(RUN_1, "ours"));
    assertEquals(DeleteOutcome.KEPT_NOT_OURS,
        iamActivities.deleteRole(new ResourceDelete(RUN_1, DeleteMode.DEPLOYMENT, "operators")).outcome());
    assertEquals(DeleteOutcome.KEPT_NOT_OURS,
        iamActivities.deleteRole(new ResourceDelete(RUN_2, DeleteMode.THIS_RUN, "ours")).outcome(),
        "rollback of run 2 must not delete what run 1 created");
    assertEquals(DeleteOutcome.DELETED,
        iamActivities.deleteRole(new ResourceDelete(RUN_2, DeleteMode.DEPLOYMENT, "ours")).outcome());
    assertEquals(1, roles().size());
  }

  @Test
  void faults_throttlingRetryable_accessDeniedNot() {
    rig.fault("iam", "CreateRole", "Throttling", 400, 5);
    ApplicationFailure throttled = assertThrows(ApplicationFailure.class,
        () -> iamActivities.ensureInfrastructureRole(new RoleSpec(RUN_1, "r1")));
    assertEquals(FailureTypes.THROTTLING, throttled.getType());
    assertFalse(throttled.isNonRetryable());
    rig.emulator.faults().clear();
    rig.fault("iam", "CreateRole", "AccessDenied", 403, 1);
    ApplicationFailure denied = assertThrows(ApplicationFailure.class,
        () -> iamActivities.ensureInfrastructureRole(new RoleSpec(RUN_1, "r1")));
    assertEquals(FailureTypes.ACCESS_DENIED, denied.getType());
    assertTrue(denied.isNonRetryable());
    assertTrue(roles().isEmpty());
  }
}
