package io.harnessdeployer.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.activities.agentcore.AgentCoreActivitiesImpl;
import io.harnessdeployer.activities.ecr.EcrActivitiesImpl;
import io.harnessdeployer.activities.ecs.EcsActivitiesImpl;
import io.harnessdeployer.activities.health.HealthActivitiesImpl;
import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.logs.LogsActivitiesImpl;
import io.harnessdeployer.activities.secrets.SecretsActivitiesImpl;
import io.harnessdeployer.activities.sts.StsActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.testing.TestActivityEnvironment;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS calls of a whole ecs-topology deploy, a rerun and a destroy, made in the workflow's order
 * on instant lifecycles (so every wait is one probe), counted per operation from the emulator's
 * request log. The budget is exact: a new redundant read fails here.
 */
class DeployCallsTest {
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");

  EmulatorRig rig;
  TestActivityEnvironment env;
  StsActivities sts;
  EcrActivities ecr;
  SecretsActivities secrets;
  IamActivities iam;
  EcsActivities ecs;
  LogsActivities logs;
  HealthActivities health;
  AgentCoreActivities agentCore;

  @BeforeEach
  void start() {
    rig = new EmulatorRig();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new StsActivitiesImpl(rig.aws::sts),
        new EcrActivitiesImpl(rig.aws::ecr, rig.aws.http()),
        new SecretsActivitiesImpl(rig.aws::secrets, rig.credentials),
        new IamActivitiesImpl(rig.aws.iam()),
        new EcsActivitiesImpl(rig.aws::ecs, rig.credentials, rig.polling),
        new LogsActivitiesImpl(rig.aws::logs),
        new HealthActivitiesImpl(rig.aws.http(), rig.emulator.endpoint(), rig.polling),
        new AgentCoreActivitiesImpl(rig.aws::agentCore, rig.aws::harness, rig.credentials, rig.polling));
    sts = Activities.stub(env, StsActivities.class);
    ecr = Activities.stub(env, EcrActivities.class);
    secrets = Activities.stub(env, SecretsActivities.class);
    iam = Activities.stub(env, IamActivities.class);
    ecs = Activities.stub(env, EcsActivities.class);
    logs = Activities.stub(env, LogsActivities.class);
    health = Activities.stub(env, HealthActivities.class);
    agentCore = Activities.stub(env, AgentCoreActivities.class);
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  /** The deploy's steps in plan order (DeploySteps), each wait with the workflow's WaitSpec. */
  void deploy(Scope scope) {
    CallerIdentity me = sts.callerIdentity(scope);
    ecr.checkImageArchitecture(new ImageCheck(scope, Names.DEFAULT_IMAGE));
    SecretRef secret = secrets.ensureSecret(
        new SecretSpec(scope, SecretMode.MANAGED, Names.SECRET_NAME, rig.sealedCredentials()));
    ResourceRef taskRole = iam.ensureTaskExecutionRole(new TaskExecutionRoleSpec(scope,
        Names.ECS_TASK_EXECUTION_ROLE, Names.DEFAULT_IMAGE, secret.arn()));
    ResourceRef infraRole = iam.ensureInfrastructureRole(new RoleSpec(scope, Names.ECS_INFRASTRUCTURE_ROLE));
    ecs.ensureCluster(new ClusterSpec(scope, Names.ECS_CLUSTER));
    logs.ensureLogGroup(new LogGroupSpec(scope, Names.ECS_LOG_GROUP));
    Map<String, String> env = ContainerEnv.forService(Map.of(), secret.keys());
    ServiceRef service = ecs.ensureService(serviceSpec(scope, taskRole, infraRole, secret, env, null));
    WaitSpec serviceWait = new WaitSpec(scope, service.serviceArn(), Names.SERVICE_ACTIVE_TIMEOUT,
        Names.SERVICE_POLL_INTERVAL);
    String fqdn = ecs.awaitServiceActive(serviceWait).endpoint();
    ServiceRef hosts = ecs.ensureService(serviceSpec(scope, taskRole, infraRole, secret, env, fqdn));
    if (!hosts.changes().isEmpty()) {
      ecs.awaitServiceRollout(serviceWait);
    }
    health.awaitHealthy(new WaitSpec(scope, "https://" + fqdn + Names.HEALTH_CHECK_PATH,
        Names.HEALTH_TIMEOUT, Names.HEALTH_POLL_INTERVAL));
    ResourceRef provider = agentCore.ensureApiKeyProvider(
        new ApiKeyProviderSpec(scope, Names.API_KEY_PROVIDER, rig.sealedCredentials()));
    ResourceRef harnessRole = iam.ensureHarnessRole(
        new HarnessRoleSpec(scope, Names.HARNESS_ROLE, me.account(), Names.HARNESS_NAME));
    HarnessRef harness = agentCore.ensureHarness(new HarnessSpec(scope, Names.HARNESS_NAME,
        harnessRole.arn(), Names.DEFAULT_MODEL_ID, "https://" + fqdn + Names.MCP_PATH, provider.arn(),
        "client-token-" + scope.runId() + "-0123456789abcdefghij"));
    agentCore.awaitHarnessReady(new WaitSpec(scope, harness.harnessId(), Names.HARNESS_READY_TIMEOUT,
        Names.HARNESS_POLL_INTERVAL));
  }

  static ServiceSpec serviceSpec(Scope scope, ResourceRef taskRole, ResourceRef infraRole, SecretRef secret,
      Map<String, String> env, String allowedHost) {
    return new ServiceSpec(scope, Names.ECS_CLUSTER, Names.ECS_SERVICE, taskRole.arn(), infraRole.arn(),
        Names.DEFAULT_IMAGE, Names.ECS_LOG_GROUP, env, secret.arn(), secret.keys(), null, allowedHost);
  }

  /** The destroy's deletes, harness side first, as DestroySteps orders them. */
  void destroy(Scope scope) {
    DeleteResult harness = agentCore.deleteHarness(new ResourceDelete(scope, DeleteMode.DEPLOYMENT, Names.HARNESS_NAME));
    agentCore.awaitHarnessGone(new WaitSpec(scope, harness.id(), Names.HARNESS_GONE_TIMEOUT,
        Names.HARNESS_POLL_INTERVAL));
    iam.deleteRole(new ResourceDelete(scope, DeleteMode.DEPLOYMENT, Names.HARNESS_ROLE));
    agentCore.deleteApiKeyProvider(new ResourceDelete(scope, DeleteMode.DEPLOYMENT, Names.API_KEY_PROVIDER));
    DeleteResult service = ecs.deleteService(
        new ServiceDelete(scope, DeleteMode.DEPLOYMENT, Names.ECS_CLUSTER, Names.ECS_SERVICE));
    ecs.awaitServiceGone(new WaitSpec(scope, service.id(), Names.SERVICE_GONE_TIMEOUT,
        Names.SERVICE_POLL_INTERVAL));
    ecs.deleteTaskDefinitions(new TaskDefinitionCleanup(scope,
        Names.taskDefinitionFamily(Names.ECS_CLUSTER, Names.ECS_SERVICE)));
    ecs.deleteCluster(new ResourceDelete(scope, DeleteMode.DEPLOYMENT, Names.ECS_CLUSTER));
    logs.deleteLogGroup(new ResourceDelete(scope, DeleteMode.DEPLOYMENT, Names.ECS_LOG_GROUP));
    iam.deleteRole(new ResourceDelete(scope, DeleteMode.DEPLOYMENT, Names.ECS_TASK_EXECUTION_ROLE));
    iam.deleteRole(new ResourceDelete(scope, DeleteMode.DEPLOYMENT, Names.ECS_INFRASTRUCTURE_ROLE));
    secrets.deleteSecret(new SecretDelete(scope, DeleteMode.DEPLOYMENT, Names.SECRET_NAME, false));
  }

  SortedMap<String, Integer> calls(Runnable phase) {
    SortedMap<String, Integer> before = rig.callCounts();
    phase.run();
    SortedMap<String, Integer> out = new TreeMap<>();
    rig.callCounts().forEach((op, n) -> {
      int d = n - before.getOrDefault(op, 0);
      if (d > 0) {
        out.put(op, d);
      }
    });
    return out;
  }

  @Test
  void firstDeploy_rerun_destroy_makeOnlyTheCallsTheyNeed() {
    SortedMap<String, Integer> first = calls(() -> deploy(RUN_1));
    SortedMap<String, Integer> rerun = calls(() -> deploy(RUN_2));
    SortedMap<String, Integer> destroy = calls(() -> destroy(RUN_2));
    // a role just created has no policies to read (39 calls before that was used)
    assertEquals(counts("bedrock-agentcore-control.CreateApiKeyCredentialProvider bedrock-agentcore-control.CreateHarness"
        + " bedrock-agentcore-control.GetApiKeyCredentialProvider bedrock-agentcore-control.GetHarness"
        + " bedrock-agentcore-control.ListHarnesses ecr.BatchGetImage ecs.CreateCluster"
        + " ecs.CreateExpressGatewayService ecs.DescribeClusters ecs.DescribeExpressGatewayService=3"
        + " ecs.ListServices=2 ecs.UpdateExpressGatewayService iam.AttachRolePolicy=2 iam.CreateRole=3"
        + " iam.GetRole=3 iam.PutRolePolicy=3 logs.CreateLogGroup logs.DescribeLogGroups=2 mcp./health"
        + " secretsmanager.CreateSecret secretsmanager.DescribeSecret sts.GetCallerIdentity"), first,
        "first deploy, " + total(first) + " calls");
    assertEquals(33, total(first));
    assertEquals(counts("bedrock-agentcore-control.GetApiKeyCredentialProvider bedrock-agentcore-control.GetHarness=2"
        + " bedrock-agentcore-control.ListHarnesses bedrock-agentcore-control.ListTagsForResource=2"
        + " bedrock-agentcore-control.UpdateApiKeyCredentialProvider ecr.BatchGetImage ecs.DescribeClusters"
        + " ecs.DescribeExpressGatewayService=3 ecs.ListServices=2 iam.GetRole=3 iam.GetRolePolicy=3"
        + " iam.ListAttachedRolePolicies=3 logs.DescribeLogGroups logs.ListTagsForResource mcp./health"
        + " secretsmanager.DescribeSecret secretsmanager.GetSecretValue sts.GetCallerIdentity"), rerun,
        "rerun, " + total(rerun) + " calls");
    assertEquals(counts("bedrock-agentcore-control.DeleteApiKeyCredentialProvider bedrock-agentcore-control.DeleteHarness"
        + " bedrock-agentcore-control.GetApiKeyCredentialProvider bedrock-agentcore-control.GetHarness"
        + " bedrock-agentcore-control.ListHarnesses bedrock-agentcore-control.ListTagsForResource=2"
        + " ecs.DeleteCluster ecs.DeleteExpressGatewayService ecs.DeleteTaskDefinitions ecs.DeregisterTaskDefinition=2"
        + " ecs.DescribeClusters ecs.DescribeExpressGatewayService=2 ecs.ListServices ecs.ListTaskDefinitions=2"
        + " iam.DeleteRole=3 iam.DeleteRolePolicy=3 iam.DetachRolePolicy=2 iam.GetRole=3"
        + " iam.ListAttachedRolePolicies=3 iam.ListRolePolicies=3 logs.DeleteLogGroup logs.DescribeLogGroups"
        + " logs.ListTagsForResource secretsmanager.DeleteSecret secretsmanager.DescribeSecret"), destroy,
        "destroy, " + total(destroy) + " calls");
  }

  /** {@code "a.B c.D=3"} → {a.B=1, c.D=3}. */
  static SortedMap<String, Integer> counts(String spec) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (String item : spec.trim().split("\\s+")) {
      String[] kv = item.split("=", 2);
      out.put(kv[0], kv.length == 2 ? Integer.parseInt(kv[1]) : 1);
    }
    return out;
  }

  static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
