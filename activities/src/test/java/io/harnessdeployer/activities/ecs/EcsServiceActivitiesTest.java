package io.harnessdeployer.activities.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.health.HealthActivitiesImpl;
import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.logs.LogsActivitiesImpl;
import io.harnessdeployer.activities.secrets.SecretsActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Express service's whole life against the real emulator, on its clock: create, wait ACTIVE,
 * the allowed-hosts rollout, /health, adopt on rerun, delete, drain, task definitions, cluster.
 */
class EcsServiceActivitiesTest {
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");
  static final Duration TIMEOUT = Duration.ofMinutes(20);

  EmulatorRig rig;
  TestActivityEnvironment env;
  EcsActivitiesImpl impl;
  EcsActivities ecs;
  HealthActivities health;
  ResourceRef taskRole;
  ResourceRef infraRole;
  SecretRef secret;

  @BeforeEach
  void start() {
    rig = new EmulatorRig(LatencyProfile.parse(
        "instant,ecs.activate=60s,ecs.update=30s,ecs.drain=40s,iam.propagation=10s"));
    impl = new EcsActivitiesImpl(rig.aws::ecs, rig.credentials, rig.polling);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(impl,
        new HealthActivitiesImpl(rig.aws.http(), rig.emulator.endpoint(), rig.polling));
    ecs = Activities.stub(env, EcsActivities.class);
    health = Activities.stub(env, HealthActivities.class);
    IamActivitiesImpl iam = new IamActivitiesImpl(rig.aws.iam());
    secret = new SecretsActivitiesImpl(rig.aws::secrets, rig.credentials).ensureSecret(
        new SecretSpec(RUN_1, SecretMode.MANAGED, Names.SECRET_NAME, rig.sealedCredentials()));
    taskRole = iam.ensureTaskExecutionRole(new TaskExecutionRoleSpec(RUN_1, Names.ECS_TASK_EXECUTION_ROLE,
        Names.DEFAULT_IMAGE, secret.arn()));
    infraRole = iam.ensureInfrastructureRole(new RoleSpec(RUN_1, Names.ECS_INFRASTRUCTURE_ROLE));
    new LogsActivitiesImpl(rig.aws::logs).ensureLogGroup(new LogGroupSpec(RUN_1, Names.ECS_LOG_GROUP));
    impl.ensureCluster(new ClusterSpec(RUN_1, Names.ECS_CLUSTER));
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  ServiceSpec spec(Scope scope, String allowedHost) {
    Map<String, String> env = ContainerEnv.forService(Map.of("ZSCALER_MCP_LOG_LEVEL", "INFO"), secret.keys());
    return new ServiceSpec(scope, Names.ECS_CLUSTER, Names.ECS_SERVICE, taskRole.arn(), infraRole.arn(),
        Names.DEFAULT_IMAGE, Names.ECS_LOG_GROUP, env, secret.arn(), secret.keys(), null, allowedHost);
  }

  WaitSpec wait(String id) {
    return new WaitSpec(RUN_1, id, TIMEOUT, Names.SERVICE_POLL_INTERVAL);
  }

  List<Map<String, Object>> services(String status) {
    return rig.resources("ecs").stream()
        .filter(r -> "express-service".equals(r.get("type")) && status.equals(r.get("status"))).toList();
  }

  @Test
  void ensureService_beforeIamPropagated_isRetryableIamPropagation_thenCreatesOnce() {
    ApplicationFailure early = assertThrows(ApplicationFailure.class, () -> impl.ensureService(spec(RUN_1, null)));
    assertEquals(FailureTypes.IAM_PROPAGATION, early.getType(), early.getOriginalMessage());
    assertFalse(early.isNonRetryable());
    rig.clock.advance(Names.IAM_PROPAGATION); // what the workflow's timer waits
    ServiceRef created = impl.ensureService(spec(RUN_1, null));
    ServiceRef retried = impl.ensureService(spec(RUN_1, null));
    assertEquals(Outcome.CREATED, created.outcome());
    assertEquals(Outcome.CREATED, retried.outcome());
    assertEquals(List.of(), retried.changes(), "nothing to roll out while it is still provisioning");
    assertEquals(created.serviceArn(), retried.serviceArn());
    assertEquals(2, rig.count("ecs", "CreateExpressGatewayService"), "one refused, one created");
    assertEquals(1, services("PROVISIONING").size());
  }

  @Test
  void fullLifecycle_createWaitRolloutHealthAdoptDeleteDrainCleanup() {
    rig.clock.advance(Names.IAM_PROPAGATION);
    ServiceRef created = impl.ensureService(spec(RUN_1, null));
    assertEquals(Outcome.CREATED, created.outcome());

    ServiceStatus active = ecs.awaitServiceActive(wait(created.serviceArn()));
    assertEquals("ACTIVE", active.status());
    assertTrue(active.endpoint().matches("zs-[0-9a-f]+\\.ecs\\.us-east-1\\.on\\.aws"), active.endpoint());

    ServiceRef hosts = impl.ensureService(spec(RUN_1, active.endpoint()));
    assertEquals(Outcome.CREATED, hosts.outcome(), "still this run's service");
    assertEquals(List.of(Names.ENV_ALLOWED_HOSTS), hosts.changes());
    ServiceStatus rolled = ecs.awaitServiceRollout(wait(created.serviceArn()));
    assertEquals(active.endpoint(), rolled.endpoint());

    HealthResult ok = health.awaitHealthy(new WaitSpec(RUN_1, "https://" + active.endpoint() + "/health",
        Names.HEALTH_TIMEOUT, Names.HEALTH_POLL_INTERVAL));
    assertEquals(200, ok.httpStatus());

    ServiceRef rerun = impl.ensureService(spec(RUN_2, null));
    assertEquals(Outcome.ADOPTED, rerun.outcome(), "the live host is merged, so an unchanged rerun rolls nothing");
    assertEquals(List.of(), rerun.changes());
    assertEquals(1, rig.count("ecs", "CreateExpressGatewayService"));
    assertEquals(1, rig.count("ecs", "UpdateExpressGatewayService"));

    DeleteResult kept = impl.deleteService(new ServiceDelete(RUN_2, DeleteMode.THIS_RUN, Names.ECS_CLUSTER, Names.ECS_SERVICE));
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, kept.outcome());
    DeleteResult deleted = impl.deleteService(new ServiceDelete(RUN_2, DeleteMode.DEPLOYMENT, Names.ECS_CLUSTER, Names.ECS_SERVICE));
    assertEquals(DeleteOutcome.DELETED, deleted.outcome());
    assertEquals(created.serviceArn(), deleted.id());

    ApplicationFailure busy = assertThrows(ApplicationFailure.class, () -> impl.deleteCluster(
        new ResourceDelete(RUN_2, DeleteMode.DEPLOYMENT, Names.ECS_CLUSTER)));
    assertEquals(FailureTypes.RESOURCE_BUSY, busy.getType(), busy.getOriginalMessage());
    assertFalse(busy.isNonRetryable());

    ServiceStatus gone = ecs.awaitServiceGone(wait(deleted.id()));
    assertEquals("INACTIVE", gone.status());
    assertEquals(DeleteOutcome.ALREADY_GONE, impl.deleteService(
        new ServiceDelete(RUN_2, DeleteMode.DEPLOYMENT, Names.ECS_CLUSTER, Names.ECS_SERVICE)).outcome());

    String family = Names.taskDefinitionFamily(Names.ECS_CLUSTER, Names.ECS_SERVICE);
    TaskDefinitionsResult cleaned = impl.deleteTaskDefinitions(new TaskDefinitionCleanup(RUN_2, family));
    assertEquals(new TaskDefinitionsResult(family, 2, 2, List.of()), cleaned, "create + one update");
    assertEquals(new TaskDefinitionsResult(family, 0, 0, List.of()),
        impl.deleteTaskDefinitions(new TaskDefinitionCleanup(RUN_2, family)));

    assertEquals(DeleteOutcome.DELETED, impl.deleteCluster(
        new ResourceDelete(RUN_2, DeleteMode.DEPLOYMENT, Names.ECS_CLUSTER)).outcome());
    assertTrue(services("ACTIVE").isEmpty() && services("DRAINING").isEmpty());
  }

  @Test
  void ensureService_updatesOnImageChange_andNamesTheChange() {
    rig.clock.advance(Names.IAM_PROPAGATION);
    ServiceRef created = impl.ensureService(spec(RUN_1, null));
    ecs.awaitServiceActive(wait(created.serviceArn()));
    ServiceSpec newImage = spec(RUN_2, null);
    newImage = new ServiceSpec(newImage.scope(), newImage.cluster(), newImage.serviceName(),
        newImage.executionRoleArn(), newImage.infrastructureRoleArn(), "709825985650.dkr.ecr.us-east-1"
        + ".amazonaws.com/zscaler/zscaler-mcp-server:0.10.5", newImage.logGroup(), newImage.environment(),
        newImage.secretArn(), newImage.secretKeys(), null, null);
    ServiceRef updated = impl.ensureService(newImage);
    assertEquals(Outcome.UPDATED, updated.outcome());
    assertTrue(updated.changes().contains("image"), updated.changes().toString());
    ApplicationFailure tooSoon = Activities.failure(() -> ecs.awaitServiceRollout(
        new WaitSpec(RUN_1, created.serviceArn(), Duration.ofSeconds(15), Names.SERVICE_POLL_INTERVAL)));
    assertEquals(FailureTypes.TIMEOUT, tooSoon.getType());
    assertTrue(tooSoon.getOriginalMessage().contains("newest configuration not serving yet"),
        tooSoon.getOriginalMessage());
  }

  @Test
  void rotatedSecret_rollsAnUnchangedService_withANewDeployment_thatServesOnceRolledOut() {
    rig.clock.advance(Names.IAM_PROPAGATION);
    ServiceRef created = impl.ensureService(spec(RUN_1, null));
    ServiceStatus active = ecs.awaitServiceActive(wait(created.serviceArn()));
    impl.ensureService(spec(RUN_1, active.endpoint()));
    ecs.awaitServiceRollout(wait(created.serviceArn()));
    String before = rig.aws.ecs(EmulatorRig.REGION).describeExpressGatewayService(r -> r.serviceArn(created.serviceArn()))
        .service().currentDeployment();
    int updates = rig.count("ecs", "UpdateExpressGatewayService");
    assertEquals(List.of(), impl.ensureService(spec(RUN_2, null)).changes(), "unchanged: nothing to roll");

    ServiceSpec unchanged = spec(RUN_2, null);
    ServiceRef rolled = impl.ensureService(new ServiceSpec(unchanged.scope(), unchanged.cluster(),
        unchanged.serviceName(), unchanged.executionRoleArn(), unchanged.infrastructureRoleArn(), unchanged.image(),
        unchanged.logGroup(), unchanged.environment(), unchanged.secretArn(), unchanged.secretKeys(), null, null, true));

    assertEquals(Outcome.UPDATED, rolled.outcome());
    assertEquals(List.of(ServiceRef.SECRET_VERSION), rolled.changes(), "rolled for the secret alone");
    assertTrue(rolled.rolledForSecret());
    assertEquals(updates + 1, rig.count("ecs", "UpdateExpressGatewayService"), "a new deployment of the same configuration");
    ApplicationFailure tooSoon = Activities.failure(() -> ecs.awaitServiceRollout(
        new WaitSpec(RUN_2, created.serviceArn(), Duration.ofSeconds(15), Names.SERVICE_POLL_INTERVAL)));
    assertTrue(tooSoon.getOriginalMessage().contains("newest configuration not serving yet"), tooSoon.getOriginalMessage());
    ServiceStatus done = ecs.awaitServiceRollout(wait(created.serviceArn()));
    assertEquals(active.endpoint(), done.endpoint());
    var service = rig.aws.ecs(EmulatorRig.REGION).describeExpressGatewayService(r -> r.serviceArn(created.serviceArn()))
        .service();
    assertEquals(service.currentDeployment(),
        service.activeConfigurations().get(service.activeConfigurations().size() - 1).serviceRevisionArn(),
        "the new deployment serves");
    assertNotEquals(before, service.currentDeployment(), "a new deployment, not the one before");
  }

  @Test
  void serviceOfAnotherDeployment_isAConflict() {
    rig.clock.advance(Names.IAM_PROPAGATION);
    Scope other = new Scope(new io.harnessdeployer.workflows.common.DeploymentKey(EmulatorRig.REGION, "other"), "r");
    impl.ensureService(spec(other, null));
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> impl.ensureService(spec(RUN_1, null)));
    assertEquals(FailureTypes.CONFLICT, f.getType());
    assertTrue(f.isNonRetryable());
  }

  @Test
  void awaitServiceActive_ofADeletedService_isUnhealthy() {
    rig.clock.advance(Names.IAM_PROPAGATION);
    ServiceRef created = impl.ensureService(spec(RUN_1, null));
    impl.deleteService(new ServiceDelete(RUN_1, DeleteMode.THIS_RUN, Names.ECS_CLUSTER, Names.ECS_SERVICE));
    ApplicationFailure f = Activities.failure(() -> ecs.awaitServiceActive(wait(created.serviceArn())));
    assertEquals(FailureTypes.UNHEALTHY, f.getType());
    assertTrue(f.getOriginalMessage().contains("DRAINING"), f.getOriginalMessage());
  }

  @Test
  void plaintextCredentials_goIntoTheEnv_butNeverIntoChangesOrFailures() {
    rig.clock.advance(Names.IAM_PROPAGATION);
    Map<String, String> env = ContainerEnv.forService(Map.of(), List.of());
    ServiceSpec plain = new ServiceSpec(RUN_1, Names.ECS_CLUSTER, Names.ECS_SERVICE, taskRole.arn(),
        infraRole.arn(), Names.DEFAULT_IMAGE, Names.ECS_LOG_GROUP, env, null, List.of(),
        rig.sealedCredentials(), null);
    ServiceRef created = impl.ensureService(plain);
    var live = rig.aws.ecs(EmulatorRig.REGION).describeExpressGatewayService(r -> r.serviceArn(created.serviceArn()))
        .service().activeConfigurations().get(0).primaryContainer().environment();
    assertTrue(live.stream().anyMatch(kv -> kv.name().equals("ZSCALER_CLIENT_SECRET")
        && kv.value().equals(EmulatorRig.CLIENT_SECRET)), "plaintext mode: the operator's explicit choice");
    rig.clock.advance(Duration.ofMinutes(2));
    ServiceRef hosts = impl.ensureService(new ServiceSpec(RUN_1, plain.cluster(), plain.serviceName(),
        plain.executionRoleArn(), plain.infrastructureRoleArn(), plain.image(), plain.logGroup(), env, null,
        List.of(), rig.sealedCredentials(), "zs-x.ecs.us-east-1.on.aws"));
    assertFalse(hosts.toString().contains(EmulatorRig.CLIENT_SECRET), hosts.toString());
    rig.fault("ecs", "UpdateExpressGatewayService", "InvalidParameterException", 400, 1);
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> impl.ensureService(new ServiceSpec(RUN_1,
        plain.cluster(), plain.serviceName(), plain.executionRoleArn(), plain.infrastructureRoleArn(),
        "other:image", plain.logGroup(), env, null, List.of(), rig.sealedCredentials(), null)));
    assertEquals(FailureTypes.VALIDATION, f.getType());
    assertFalse(f.getOriginalMessage().contains(EmulatorRig.CLIENT_SECRET));
  }

  @Test
  void deleteTaskDefinitions_deletesInBatchesOfTen() {
    rig.clock.advance(Names.IAM_PROPAGATION);
    ServiceRef created = impl.ensureService(spec(RUN_1, null));
    var client = rig.aws.ecs(EmulatorRig.REGION);
    for (int i = 0; i < 11; i++) {
      int tag = i;
      client.updateExpressGatewayService(r -> r.serviceArn(created.serviceArn())
          .primaryContainer(c -> c.image("registry.example/mcp:" + tag)));
    }
    String family = Names.taskDefinitionFamily(Names.ECS_CLUSTER, Names.ECS_SERVICE);
    TaskDefinitionsResult result = impl.deleteTaskDefinitions(new TaskDefinitionCleanup(RUN_1, family));
    assertEquals(new TaskDefinitionsResult(family, 12, 12, List.of()), result);
    List<Map<String, Object>> batches = rig.requests("ecs", "DeleteTaskDefinitions");
    assertEquals(2, batches.size());
    for (Map<String, Object> batch : batches) {
      int size = ((List<?>) ((Map<?, ?>) batch.get("parameters")).get("taskDefinitions")).size();
      assertTrue(size <= Names.DELETE_TASK_DEFINITIONS_BATCH, "batch of " + size);
    }
  }
}
