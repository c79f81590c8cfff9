package io.harnessdeployer.activities.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.common.Policies;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.TaskExecutionRoleSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** Each role's describe against its graph node's desired state: clean after ensure, exact drift after. */
class RoleDriftTest {
  static final String SECRET_ARN =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:zscaler-mcp-harness/credentials-AbC123";
  static final String TASK = Names.ECS_TASK_EXECUTION_ROLE;
  static final Scope RUN = EmulatorRig.scope("run-1");
  static final Map<String, Object> TASK_INPUTS = Map.of("secret",
      new SecretRef(Names.SECRET_NAME, SECRET_ARN, List.of("ZSCALER_CLIENT_ID"), Outcome.CREATED, false));
  static EmulatorRig rig;
  static IamActivitiesImpl activities;
  static IamClient iam;
  static Drift drift;

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    iam = rig.aws.iam();
    activities = new IamActivitiesImpl(iam);
    drift = new Drift(DeployRequest.builder("it", EmulatorRig.REGION, rig.sealedCredentials()).build(), RUN);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  static List<PropertyDiff> taskDrift() {
    return drift.diff("task-execution-role", TASK_INPUTS, activities.describeRole(new Lookup(RUN, TASK)));
  }

  void ensureTask() {
    activities.ensureTaskExecutionRole(new TaskExecutionRoleSpec(RUN, TASK, Names.DEFAULT_IMAGE, SECRET_ARN));
  }

  @Test
  void everyRole_afterEnsure_hasNoDrift() {
    ensureTask();
    activities.ensureInfrastructureRole(new RoleSpec(RUN, Names.ECS_INFRASTRUCTURE_ROLE));
    activities.ensureHarnessRole(new HarnessRoleSpec(RUN, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME));
    // "arn" is shown (what dependants read) while the diffs below stay empty: it is not compared
    assertEquals(List.of(), taskDrift());
    assertEquals(List.of(), drift.diff("infrastructure-role", Map.of(),
        activities.describeRole(new Lookup(RUN, Names.ECS_INFRASTRUCTURE_ROLE))));
    Observed harness = activities.describeRole(new Lookup(RUN, Names.HARNESS_ROLE));
    assertEquals(List.of(), drift.diff("harness-role",
        Map.of("preflight", new CallerIdentity("123456789012", "arn:aws:iam::123456789012:root")), harness));
    assertEquals(RUN.runId(), harness.tags().get(Names.TAG_RUN), "the describe reports every tag");
  }

  @Test
  void everyRolesDescribe_carriesItsArn_asTheEnsureReturnedIt() {
    String task = activities.ensureTaskExecutionRole(
        new TaskExecutionRoleSpec(RUN, TASK, Names.DEFAULT_IMAGE, SECRET_ARN)).arn();
    String infra = activities.ensureInfrastructureRole(new RoleSpec(RUN, Names.ECS_INFRASTRUCTURE_ROLE)).arn();
    String harness = activities.ensureHarnessRole(
        new HarnessRoleSpec(RUN, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME)).arn();
    assertEquals("arn:aws:iam::123456789012:role/" + TASK, task);
    assertEquals(task, activities.describeRole(new Lookup(RUN, TASK)).properties().get("arn"));
    assertEquals(infra, activities.describeRole(new Lookup(RUN, Names.ECS_INFRASTRUCTURE_ROLE)).properties().get("arn"));
    assertEquals(harness, activities.describeRole(new Lookup(RUN, Names.HARNESS_ROLE)).properties().get("arn"));
  }

  @Test
  void describe_givesParsedDocumentsAndSortedManagedArns() {
    ensureTask();
    Observed seen = activities.describeRole(new Lookup(RUN, TASK));
    assertTrue(seen.exists());
    @SuppressWarnings("unchecked")
    Map<String, Object> inline = (Map<String, Object>) seen.properties().get("inlinePolicies");
    assertEquals(List.of(Names.POLICY_CROSS_ACCOUNT_ECR_PULL, Names.POLICY_READ_ZSCALER_SECRETS),
        List.copyOf(inline.keySet()));
    assertEquals(Policies.tree(Policies.readZscalerSecrets(EmulatorRig.REGION, SECRET_ARN)),
        inline.get(Names.POLICY_READ_ZSCALER_SECRETS));
    assertEquals(List.of(Names.MANAGED_POLICY_TASK_EXECUTION), seen.properties().get("managedPolicies"));
  }

  @Test
  void anotherInlinePolicy_isAdd() {
    ensureTask();
    String extra = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    iam.putRolePolicy(r -> r.roleName(TASK).policyName("Extra").policyDocument(extra));
    assertEquals(List.of(new PropertyDiff("inlinePolicies.Extra", null, Policies.tree(extra), Kind.ADD)), taskDrift());
  }

  @Test
  void aStatementsResourceChanged_isNotEqualAtThatPath() {
    ensureTask();
    String widened = Policies.readZscalerSecrets(EmulatorRig.REGION, SECRET_ARN)
        .replace("[\"" + SECRET_ARN + "\",\"" + SECRET_ARN + "-*\"]", "\"*\"");
    iam.putRolePolicy(r -> r.roleName(TASK).policyName(Names.POLICY_READ_ZSCALER_SECRETS).policyDocument(widened));
    assertEquals(List.of(new PropertyDiff("inlinePolicies.ReadZscalerSecrets.Statement[0].Resource",
        List.of(SECRET_ARN, SECRET_ARN + "-*"), "*", Kind.NOT_EQUAL)), taskDrift());
  }

  @Test
  void theSamePolicyReformatted_isNoDrift() {
    ensureTask();
    String pretty = Policies.readZscalerSecrets(EmulatorRig.REGION, SECRET_ARN)
        .replace(",", ",\n  ").replace("{", "{ ");
    iam.putRolePolicy(r -> r.roleName(TASK).policyName(Names.POLICY_READ_ZSCALER_SECRETS).policyDocument(pretty));
    assertEquals(List.of(), taskDrift());
  }

  @Test
  void untaggedDetachedAndTrustChanged_eachIsReportedAtItsPath() {
    ensureTask();
    iam.untagRole(r -> r.roleName(TASK).tagKeys(Names.TAG_DEPLOYMENT));
    iam.detachRolePolicy(r -> r.roleName(TASK).policyArn(Names.MANAGED_POLICY_TASK_EXECUTION));
    iam.updateAssumeRolePolicy(r -> r.roleName(TASK).policyDocument(Policies.trust("ecs.amazonaws.com")));
    assertEquals(List.of(
        new PropertyDiff("managedPolicies[0]", Names.MANAGED_POLICY_TASK_EXECUTION, null, Kind.REMOVE),
        new PropertyDiff("tags." + Names.TAG_DEPLOYMENT, RUN.deployment().tagValue(), null, Kind.REMOVE),
        new PropertyDiff("trustPolicy.Statement[0].Principal.Service", Names.PRINCIPAL_ECS_TASKS,
            "ecs.amazonaws.com", Kind.NOT_EQUAL)), taskDrift());
  }

  @Test
  void aMissingRole_doesNotExist_andEveryDesiredPropertyIsRemove() {
    Observed seen = activities.describeRole(new Lookup(RUN, TASK));
    assertFalse(seen.exists());
    assertEquals(List.of("inlinePolicies", "managedPolicies", "tags", "trustPolicy"),
        taskDrift().stream().peek(d -> assertEquals(Kind.REMOVE, d.kind())).map(PropertyDiff::path).toList());
  }
}
