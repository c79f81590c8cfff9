package io.harnessdeployer.activities.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.logs.LogsActivitiesImpl;
import io.harnessdeployer.activities.secrets.SecretsActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

/**
 * The service's describe (through a Temporal stub, so Observed makes the payload round trip)
 * against the service node's desired state, after the deploy's two ensures and their waits.
 */
class ServiceDriftTest {
  static final Scope RUN = EmulatorRig.scope("run-1");
  static final Map<String, String> DOT_ENV = Map.of("ZSCALER_MCP_LOG_LEVEL", "INFO");

  EmulatorRig rig;
  TestActivityEnvironment env;
  EcsActivities ecs;
  Map<String, Object> outputs;
  DeployRequest request;

  @BeforeEach
  void start() {
    open(LatencyProfile.instant());
  }

  void open(LatencyProfile latency) {
    rig = new EmulatorRig(latency);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new EcsActivitiesImpl(rig.aws::ecs, rig.credentials, rig.polling));
    ecs = Activities.stub(env, EcsActivities.class);
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  /** Every input of the service node, ensured for real, in {@code mode}. */
  void inputs(SecretMode mode) {
    request = DeployRequest.builder("it", EmulatorRig.REGION, rig.sealedCredentials())
        .containerEnv(DOT_ENV).secretMode(mode).build();
    SecretRef secret = mode == SecretMode.PLAINTEXT ? null : new SecretsActivitiesImpl(rig.aws::secrets,
        rig.credentials).ensureSecret(new SecretSpec(RUN, mode, Names.SECRET_NAME, rig.sealedCredentials()));
    IamActivitiesImpl iam = new IamActivitiesImpl(rig.aws.iam());
    outputs = new LinkedHashMap<>();
    outputs.put("secret", secret);
    outputs.put("task-execution-role", iam.ensureTaskExecutionRole(new TaskExecutionRoleSpec(RUN,
        Names.ECS_TASK_EXECUTION_ROLE, Names.DEFAULT_IMAGE, secret == null ? null : secret.arn())));
    outputs.put("infrastructure-role", iam.ensureInfrastructureRole(new RoleSpec(RUN, Names.ECS_INFRASTRUCTURE_ROLE)));
    outputs.put("log-group", new LogsActivitiesImpl(rig.aws::logs).ensureLogGroup(new LogGroupSpec(RUN, Names.ECS_LOG_GROUP)));
    outputs.put("cluster", ecs.ensureCluster(new ClusterSpec(RUN, Names.ECS_CLUSTER)));
  }

  /** The spec the service node sends (ServiceNodes#spec), first without and then with the host. */
  ServiceSpec spec(String allowedHost) {
    SecretRef secret = (SecretRef) outputs.get("secret");
    List<String> keys = secret == null ? List.of() : secret.keys();
    boolean plaintext = secret == null;
    return new ServiceSpec(RUN, Names.ECS_CLUSTER, Names.ECS_SERVICE,
        ((ResourceRef) outputs.get("task-execution-role")).arn(), ((ResourceRef) outputs.get("infrastructure-role")).arn(),
        Names.DEFAULT_IMAGE, Names.ECS_LOG_GROUP, ContainerEnv.forService(DOT_ENV, keys),
        plaintext ? null : secret.arn(), keys, plaintext ? rig.sealedCredentials() : null, allowedHost);
  }

  /** ensure, ACTIVE, allowed-hosts merge, rollout: what a deploy does to the service. */
  String deployService() {
    ServiceRef created = ecs.ensureService(spec(null));
    String fqdn = ecs.awaitServiceActive(wait(created.serviceArn())).endpoint();
    ecs.ensureService(spec(fqdn));
    ecs.awaitServiceRollout(wait(created.serviceArn()));
    return created.serviceArn();
  }

  WaitSpec wait(String arn) {
    return new WaitSpec(RUN, arn, Duration.ofMinutes(20), Names.SERVICE_POLL_INTERVAL);
  }

  Observed describe() {
    return ecs.describeService(new Lookup(RUN, Names.ECS_SERVICE, Names.ECS_CLUSTER));
  }

  List<PropertyDiff> drift() {
    return new Drift(request, RUN).diff("service", outputs, describe());
  }

  @Test
  void afterADeploy_noDrift_andTheDescribeNamesWhatItCompares() {
    inputs(SecretMode.MANAGED);
    deployService();
    assertEquals(List.of(), drift());
    Observed seen = describe();
    assertEquals("ACTIVE", seen.status());
    String arn = ((SecretRef) outputs.get("secret")).arn();
    assertEquals(Map.of("ZSCALER_CLIENT_ID", arn + ":ZSCALER_CLIENT_ID::"),
        Map.of("ZSCALER_CLIENT_ID", ((Map<?, ?>) seen.properties().get("secrets")).get("ZSCALER_CLIENT_ID")));
    String hosts = (String) ((Map<?, ?>) seen.properties().get("environment")).get(Names.ENV_ALLOWED_HOSTS);
    assertTrue(hosts.startsWith(ContainerEnv.ENDPOINT + ","), hosts);
    assertTrue(seen.properties().get("endpoint") instanceof String e && e.endsWith(".on.aws"),
        "the endpoint is shown (and, being undeclared, not compared): " + seen.properties());
  }

  @Test
  void theEndpoint_isTheBareHostOfTheActiveWait_absentWhileThereIsNone() {
    stop();
    open(LatencyProfile.parse("instant,ecs.activate=60s"));
    inputs(SecretMode.MANAGED);
    String arn = ecs.ensureService(spec(null)).serviceArn();
    Observed before = describe();
    assertTrue(before.exists());
    assertFalse(before.properties().containsKey("endpoint"), before.properties().toString());
    String fqdn = ContainerEnv.hostOf(ecs.awaitServiceActive(wait(arn)).endpoint());
    Object endpoint = describe().properties().get("endpoint");
    assertEquals(fqdn, endpoint);
    assertFalse(fqdn.contains("/") || fqdn.contains(":"), fqdn);
  }

  @Test
  void anEnvValueChangedOutOfBand_isNotEqualAtItsKey() {
    inputs(SecretMode.MANAGED);
    String arn = deployService();
    var live = rig.aws.ecs(EmulatorRig.REGION).describeExpressGatewayService(r -> r.serviceArn(arn)).service();
    ExpressGatewayContainer c = ExpressViews.live(live).primaryContainer();
    List<KeyValuePair> env = c.environment().stream()
        .map(e -> e.name().equals("ZSCALER_MCP_LOG_LEVEL") ? e.toBuilder().value("DEBUG").build() : e).toList();
    rig.aws.ecs(EmulatorRig.REGION).updateExpressGatewayService(r -> r.serviceArn(arn).primaryContainer(c.toBuilder().environment(env).build()));
    ecs.awaitServiceRollout(wait(arn));
    assertEquals(List.of(new PropertyDiff("environment.ZSCALER_MCP_LOG_LEVEL", "INFO", "DEBUG", Kind.NOT_EQUAL)), drift());
  }

  @Test
  void untagged_isRemoveOfThatTag_andAMissingServiceDoesNotExist() {
    inputs(SecretMode.MANAGED);
    assertFalse(describe().exists());
    String arn = deployService();
    rig.aws.ecs(EmulatorRig.REGION).untagResource(r -> r.resourceArn(arn).tagKeys(Names.TAG_MANAGED_BY));
    assertEquals(List.of(new PropertyDiff("tags." + Names.TAG_MANAGED_BY, Names.TAG_MANAGED_BY_VALUE, null, Kind.REMOVE)),
        drift());
  }

  @Test
  void plaintext_credentialValuesAreSealedOnBothSides_neverInTheObservation() {
    inputs(SecretMode.PLAINTEXT);
    deployService();
    Observed seen = describe();
    assertFalse(seen.toString().contains(EmulatorRig.CLIENT_SECRET), "no secret in what a describe returns");
    Map<?, ?> envSeen = (Map<?, ?>) seen.properties().get("environment");
    assertEquals(ContainerEnv.SEALED, envSeen.get(Names.KEY_CLIENT_SECRET));
    assertEquals(ContainerEnv.SEALED, envSeen.get(Names.KEY_CLIENT_ID));
    // the optional credential keys are only in the sealed payload, so the desired state cannot list them
    assertEquals(List.of("environment.ZSCALER_CUSTOMER_ID", "environment.ZSCALER_VANITY_DOMAIN"),
        drift().stream().peek(d -> assertEquals(Kind.ADD, d.kind())).map(PropertyDiff::path).toList());
  }
}
