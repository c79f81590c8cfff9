package io.harnessdeployer.activities.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.agentcore.AgentCoreActivitiesImpl;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.ecs.EcsActivitiesImpl;
import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.logs.LogsActivitiesImpl;
import io.harnessdeployer.activities.secrets.SecretsActivitiesImpl;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Ownership on every write, per resource kind, against the emulator: a live resource tagged for
 * another deployment (or, where the kind's rule says so, an untagged one) makes the ensure stop with
 * a non-retryable CONFLICT that names it, its owner and the way out, with no write in the request
 * log and the resource's full describe output unchanged. The preflight check finds them all at once.
 */
class OwnershipOnEmulatorTest {
  static final String REGION = EmulatorRig.REGION;
  static final Scope OURS = EmulatorRig.scope("run-ours");
  static final Scope OTHER = new Scope(new DeploymentKey(REGION, "other"), "run-other");
  /** Our deployment's name in another region: IAM roles are global, so its roles share our names. */
  static final Scope OTHER_REGION = new Scope(new DeploymentKey("us-west-2", "it"), "run-west");
  static final String ACCOUNT = "123456789012";
  static final List<String> OUR_TAG_KEYS = List.of(Names.TAG_DEPLOYMENT, Names.TAG_RUN);

  static EmulatorRig rig;
  static IamActivitiesImpl iam;
  static SecretsActivitiesImpl secrets;
  static LogsActivitiesImpl logs;
  static EcsActivitiesImpl ecs;
  static AgentCoreActivitiesImpl agentCore;
  static io.harnessdeployer.activities.cognito.CognitoActivitiesImpl cognito;
  static io.harnessdeployer.activities.agentcore.GatewayActivitiesImpl gateway;
  static OwnershipActivitiesImpl ownership;

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    iam = new IamActivitiesImpl(rig.aws.iam());
    secrets = new SecretsActivitiesImpl(rig.aws::secrets, rig.credentials);
    logs = new LogsActivitiesImpl(rig.aws::logs);
    ecs = new EcsActivitiesImpl(rig.aws::ecs, rig.credentials, rig.polling);
    agentCore = new AgentCoreActivitiesImpl(rig.aws::agentCore, rig.aws::harness, rig.credentials, rig.polling);
    cognito = new io.harnessdeployer.activities.cognito.CognitoActivitiesImpl(rig.aws::cognito, rig.credentials,
        rig.polling);
    gateway = new io.harnessdeployer.activities.agentcore.GatewayActivitiesImpl(rig.aws::agentCore, rig.aws::cognito,
        rig.credentials, rig.polling);
    ownership = new OwnershipActivitiesImpl(iam, secrets, logs, ecs, agentCore, cognito, gateway);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  /**
   * One resource kind: how its owner makes it, how it loses our two tags (the original tool's
   * resources carry only managed-by and integration), its full describe, and our ensure of it
   * (prepared first: a service or harness needs roles of its own, made before the one call tested).
   */
  record Kind(
      String label,
      ResourceKind kind,
      String name,
      Consumer<Scope> make,
      Runnable untag,
      Supplier<Object> describe,
      Function<Scope, Supplier<Object>> ensure) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Arguments> ownedByAnother() {
    List<Arguments> out = new ArrayList<>();
    for (Kind k : kinds()) {
      out.add(Arguments.of(k, k.label().endsWith("role") ? OTHER_REGION : OTHER));
    }
    return out.stream();
  }

  static Stream<Kind> untaggedConflicts() {
    return kinds().stream().filter(k -> k.kind().rule() == OwnershipRule.TAGGED_ONLY);
  }

  static Stream<Kind> untaggedAdopted() {
    return kinds().stream().filter(k -> k.kind().rule() == OwnershipRule.ADOPTS_UNTAGGED);
  }

  @ParameterizedTest(name = "{0} of {1}")
  @MethodSource("ownedByAnother")
  void taggedForAnotherDeployment_isAConflict_namingTheOwner_andTheResourceIsUnchanged(Kind k, Scope owner) {
    k.make().accept(owner);
    Supplier<Object> ensure = k.ensure().apply(OURS);
    Object before = k.describe().get();
    long seq = rig.lastSeq();

    ApplicationFailure f = assertThrows(ApplicationFailure.class, ensure::get);

    assertConflict(f, k);
    String m = f.getOriginalMessage();
    assertTrue(m.contains("owned by deployment " + owner.deployment().tagValue()), m);
    assertTrue(m.contains("destroy --region " + owner.region() + " --name " + owner.deployment().name()), m);
    assertEquals(List.of(), rig.writesSince(seq), "no write of any kind");
    assertEquals(String.valueOf(before), String.valueOf(k.describe().get()), "its full describe output is unchanged");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untaggedConflicts")
  void untagged_isAConflict_whereTheSpecDoesNotSayAdopt(Kind k) {
    k.make().accept(OTHER);
    k.untag().run();
    Supplier<Object> ensure = k.ensure().apply(OURS);
    Object before = k.describe().get();
    long seq = rig.lastSeq();

    ApplicationFailure f = assertThrows(ApplicationFailure.class, ensure::get);

    assertConflict(f, k);
    String m = f.getOriginalMessage();
    assertTrue(m.contains("has " + Ownership.UNTAGGED), m);
    assertTrue(m.contains("take it over with `client adopt`"), m);
    assertEquals(List.of(), rig.writesSince(seq), "no write of any kind");
    assertEquals(String.valueOf(before), String.valueOf(k.describe().get()), "its full describe output is unchanged");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untaggedAdopted")
  void untaggedClusterAndByoSecret_areAdopted_untouched(Kind k) {
    k.make().accept(OTHER);
    k.untag().run();
    Supplier<Object> ensure = k.ensure().apply(OURS);
    Object before = k.describe().get();
    long seq = rig.lastSeq();

    Object ref = ensure.get();

    assertTrue(ref.toString().contains("ADOPTED"), ref.toString());
    assertEquals(List.of(), rig.writesSince(seq), "adopted as it is: not tagged, not written");
    assertEquals(String.valueOf(before), String.valueOf(k.describe().get()));
  }

  @Test
  void theKindsCoverEveryResourceKind() {
    assertEquals(List.of(ResourceKind.values()), kinds().stream().map(Kind::kind).toList());
  }

  @Test
  void aSecretOfAnotherDeployment_scheduledForDeletion_isNotRestored() {
    Kind secret = kinds().get(0);
    secret.make().accept(OTHER);
    rig.aws.secrets(REGION).deleteSecret(r -> r.secretId(Names.SECRET_NAME).recoveryWindowInDays(7L));
    Object before = secret.describe().get();
    long seq = rig.lastSeq();

    ApplicationFailure f = assertThrows(ApplicationFailure.class, secret.ensure().apply(OURS)::get);

    assertConflict(f, secret);
    assertEquals(List.of(), rig.writesSince(seq), "neither restored nor re-tagged");
    assertEquals(String.valueOf(before), String.valueOf(secret.describe().get()));
  }

  // ---- the preflight check ----

  @Test
  void preflight_listsEveryConflict_inOneFailure_withoutAWrite() {
    Map<Kind, Scope> owners = new LinkedHashMap<>();
    for (Kind k : kinds()) {
      switch (k.kind()) {
        case HARNESS_ROLE -> owners.put(k, OTHER_REGION);
        case LOG_GROUP, API_KEY_PROVIDER -> owners.put(k, OURS); // ours: adoptable
        case BYO_SECRET -> { } // absent: no conflict
        default -> owners.put(k, OTHER);
      }
    }
    owners.forEach((k, owner) -> k.make().accept(owner));
    kinds().stream().filter(k -> k.kind() == ResourceKind.CLUSTER).findFirst().orElseThrow().untag().run();
    List<OwnershipClaim> claims = kinds().stream().map(OwnershipOnEmulatorTest::claim).toList();
    long seq = rig.lastSeq();

    ApplicationFailure f = assertThrows(ApplicationFailure.class,
        () -> ownership.checkOwnership(new OwnershipCheck(OURS, claims)));

    assertEquals(FailureTypes.CONFLICT, f.getType());
    assertTrue(f.isNonRetryable());
    String m = f.getOriginalMessage();
    assertFalse(m.contains("\n"), m);
    // the managed secret, two of the roles, service and harness are another's; the cluster is
    // untagged (adopted), log group and provider are ours, the bring-your-own secret is absent;
    // every one of the 10 gateway kinds is another's
    assertTrue(m.startsWith("preflight: 16 resources are not this deployment's, nothing was written:"), m);
    for (String named : List.of("secret " + Names.SECRET_NAME + " is owned by deployment us-east-1/other",
        "IAM role " + Names.ECS_TASK_EXECUTION_ROLE + " is owned by deployment us-east-1/other",
        "IAM role " + Names.ECS_INFRASTRUCTURE_ROLE + " is owned by deployment us-east-1/other",
        "IAM role " + Names.HARNESS_ROLE + " is owned by deployment us-west-2/it",
        "ECS Express service " + Names.ECS_SERVICE + " (cluster " + Names.ECS_CLUSTER + ") is owned by deployment us-east-1/other",
        "harness " + Names.HARNESS_NAME + " is owned by deployment us-east-1/other",
        "Cognito app client " + Names.COGNITO_APP_CLIENT + " (user pool " + Names.COGNITO_USER_POOL
            + ") is owned by deployment us-east-1/other",
        "Token Vault OAuth2 provider " + Names.OAUTH_PROVIDER + " is owned by deployment us-east-1/other",
        "AgentCore Gateway target " + Names.GATEWAY_TARGET + " (gateway " + Names.GATEWAY_NAME
            + ") is owned by deployment us-east-1/other")) {
      assertTrue(m.contains(named), named + " in: " + m);
    }
    assertFalse(m.contains("ECS cluster"), m);
    assertEquals(List.of(), rig.writesSince(seq), "read-only");
  }

  @Test
  void preflight_nothingLive_orAllOursOrAdoptable_passes() {
    List<OwnershipClaim> claims = kinds().stream().map(OwnershipOnEmulatorTest::claim).toList();
    assertEquals(new OwnershipReport(claims.size(), 0), ownership.checkOwnership(new OwnershipCheck(OURS, claims)));

    kinds().forEach(k -> k.make().accept(OURS));
    kinds().stream().filter(k -> k.kind() == ResourceKind.CLUSTER).findFirst().orElseThrow().untag().run();
    long seq = rig.lastSeq();
    assertEquals(new OwnershipReport(claims.size(), claims.size()),
        ownership.checkOwnership(new OwnershipCheck(OURS, claims)));
    assertEquals(List.of(), rig.writesSince(seq));
  }

  @Test
  void anOddOwnerTag_isQuotedShort() {
    String odd = "us-east-1/" + "y".repeat(240);
    Kind group = kinds().stream().filter(k -> k.kind() == ResourceKind.LOG_GROUP).findFirst().orElseThrow();
    group.make().accept(OTHER);
    rig.aws.logs(REGION).tagResource(r -> r.resourceArn(logGroupArn()).tags(Map.of(Names.TAG_DEPLOYMENT, odd)));

    ApplicationFailure f = assertThrows(ApplicationFailure.class, group.ensure().apply(OURS)::get);

    String m = f.getOriginalMessage();
    assertTrue(m.contains("owned by deployment " + odd.substring(0, 79) + "…, not us-east-1/it"), m);
    assertTrue(m.contains("destroy that deployment first"), "no such deployment name to destroy: " + m);
    assertTrue(m.length() < 300, m.length() + ": " + m);
  }

  // ---- the kinds ----

  static void assertConflict(ApplicationFailure f, Kind k) {
    assertEquals(FailureTypes.CONFLICT, f.getType(), f.getOriginalMessage());
    assertTrue(f.isNonRetryable());
    String m = f.getOriginalMessage();
    assertFalse(m.contains("\n"), "one line: " + m);
    assertTrue(m.startsWith(claim(k).describe() + " "), m);
    assertTrue(m.contains(k.kind().nameFlag()), "names the way out: " + m);
    assertTrue(m.contains(k.kind() == ResourceKind.BYO_SECRET ? "a secret of your own" : "another --name"), m);
  }

  static OwnershipClaim claim(Kind k) {
    String within = switch (k.kind()) {
      case SERVICE -> Names.ECS_CLUSTER;
      case RESOURCE_SERVER, APP_CLIENT -> Names.COGNITO_USER_POOL;
      case GATEWAY_TARGET -> Names.GATEWAY_NAME;
      default -> null;
    };
    return new OwnershipClaim(k.kind(), k.name(), within);
  }

  static List<Kind> kinds() {
    List<Kind> all = new ArrayList<>(ecsKinds());
    all.addAll(GatewayKinds.kinds());
    return all;
  }

  static List<Kind> ecsKinds() {
    return List.of(
        new Kind("managed secret", ResourceKind.SECRET, Names.SECRET_NAME,
            owner -> secrets.ensureSecret(managedSecret(owner)),
            () -> untagSecret(Names.SECRET_NAME),
            () -> describeSecret(Names.SECRET_NAME),
            scope -> () -> secrets.ensureSecret(managedSecret(scope))),
        new Kind("bring-your-own secret", ResourceKind.BYO_SECRET, "team/zscaler",
            owner -> rig.aws.secrets(REGION).createSecret(r -> r.name("team/zscaler")
                .secretString("{\"ZSCALER_CLIENT_ID\":\"a\",\"ZSCALER_CLIENT_SECRET\":\"b\"}")
                .tags(owner.tags().entrySet().stream()
                    .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())),
            () -> untagSecret("team/zscaler"),
            () -> describeSecret("team/zscaler"),
            scope -> () -> secrets.ensureSecret(new SecretSpec(scope, SecretMode.BRING_YOUR_OWN, "team/zscaler", null))),
        role("task execution role", ResourceKind.TASK_EXECUTION_ROLE, Names.ECS_TASK_EXECUTION_ROLE,
            scope -> () -> iam.ensureTaskExecutionRole(new TaskExecutionRoleSpec(scope, Names.ECS_TASK_EXECUTION_ROLE,
                Names.DEFAULT_IMAGE, secretArn(scope)))),
        role("infrastructure role", ResourceKind.INFRASTRUCTURE_ROLE, Names.ECS_INFRASTRUCTURE_ROLE,
            scope -> () -> iam.ensureInfrastructureRole(new RoleSpec(scope, Names.ECS_INFRASTRUCTURE_ROLE))),
        role("harness role", ResourceKind.HARNESS_ROLE, Names.HARNESS_ROLE,
            scope -> () -> iam.ensureHarnessRole(new HarnessRoleSpec(scope, Names.HARNESS_ROLE, ACCOUNT,
                Names.HARNESS_NAME))),
        new Kind("cluster", ResourceKind.CLUSTER, Names.ECS_CLUSTER,
            owner -> ecs.ensureCluster(new ClusterSpec(owner, Names.ECS_CLUSTER)),
            () -> rig.aws.ecs(REGION).untagResource(r -> r.resourceArn(clusterArn()).tagKeys(OUR_TAG_KEYS)),
            OwnershipOnEmulatorTest::describeCluster,
            scope -> () -> ecs.ensureCluster(new ClusterSpec(scope, Names.ECS_CLUSTER))),
        new Kind("log group", ResourceKind.LOG_GROUP, Names.ECS_LOG_GROUP,
            owner -> logs.ensureLogGroup(new LogGroupSpec(owner, Names.ECS_LOG_GROUP)),
            () -> rig.aws.logs(REGION).untagResource(r -> r.resourceArn(logGroupArn()).tagKeys(OUR_TAG_KEYS)),
            OwnershipOnEmulatorTest::describeLogGroup,
            scope -> () -> logs.ensureLogGroup(new LogGroupSpec(scope, Names.ECS_LOG_GROUP))),
        new Kind("service", ResourceKind.SERVICE, Names.ECS_SERVICE,
            owner -> ecs.ensureService(serviceSpec(owner)),
            () -> rig.aws.ecs(REGION).untagResource(r -> r.resourceArn(serviceArn()).tagKeys(OUR_TAG_KEYS)),
            OwnershipOnEmulatorTest::describeService,
            scope -> {
              ServiceSpec spec = serviceSpec(scope);
              return () -> ecs.ensureService(spec);
            }),
        new Kind("API-key provider", ResourceKind.API_KEY_PROVIDER, Names.API_KEY_PROVIDER,
            owner -> agentCore.ensureApiKeyProvider(provider(owner)),
            () -> rig.aws.agentCore(REGION).untagResource(r -> r.resourceArn(providerArn()).tagKeys(OUR_TAG_KEYS)),
            OwnershipOnEmulatorTest::describeProvider,
            scope -> () -> agentCore.ensureApiKeyProvider(provider(scope))),
        new Kind("harness", ResourceKind.HARNESS, Names.HARNESS_NAME,
            owner -> agentCore.ensureHarness(harnessSpec(owner)),
            () -> rig.aws.agentCore(REGION).untagResource(r -> r.resourceArn(harness().arn()).tagKeys(OUR_TAG_KEYS)),
            OwnershipOnEmulatorTest::describeHarness,
            scope -> {
              HarnessSpec spec = harnessSpec(scope);
              return () -> agentCore.ensureHarness(spec);
            }));
  }

  static Kind role(String label, ResourceKind kind, String name, Function<Scope, Supplier<Object>> ensure) {
    return new Kind(label, kind, name, owner -> ensure.apply(owner).get(),
        () -> rig.aws.iam().untagRole(r -> r.roleName(name).tagKeys(OUR_TAG_KEYS)),
        () -> describeRole(name), ensure);
  }

  static void untagSecret(String id) {
    rig.aws.secrets(REGION).untagResource(r -> r.secretId(id).tagKeys(OUR_TAG_KEYS));
  }

  // ---- specs: each deployment would write its own version of the resource ----

  static SecretSpec managedSecret(Scope scope) {
    return new SecretSpec(scope, SecretMode.MANAGED, Names.SECRET_NAME, rig.sealedCredentials());
  }

  static String secretArn(Scope scope) {
    return "arn:aws:secretsmanager:" + scope.region() + ":" + ACCOUNT + ":secret:" + Names.SECRET_NAME + "-AbC123";
  }

  static ApiKeyProviderSpec provider(Scope scope) {
    return new ApiKeyProviderSpec(scope, Names.API_KEY_PROVIDER, rig.sealedCredentials());
  }

  /** A service needs its roles; they get names of their own, so only the service is contested. */
  static ServiceSpec serviceSpec(Scope scope) {
    String suffix = "-" + scope.deployment().name();
    ResourceRef task = iam.ensureTaskExecutionRole(new TaskExecutionRoleSpec(scope, "task" + suffix,
        Names.DEFAULT_IMAGE, null));
    ResourceRef infra = iam.ensureInfrastructureRole(new RoleSpec(scope, "infra" + suffix));
    if (describeClusterOrNull() == null) {
      ecs.ensureCluster(new ClusterSpec(scope, Names.ECS_CLUSTER));
    }
    rig.clock.advance(Names.IAM_PROPAGATION);
    return new ServiceSpec(scope, Names.ECS_CLUSTER, Names.ECS_SERVICE, task.arn(), infra.arn(),
        Names.DEFAULT_IMAGE + suffix, "/ecs/logs" + suffix, ContainerEnv.forService(Map.of(), List.of()),
        null, List.of(), null, null);
  }

  static HarnessSpec harnessSpec(Scope scope) {
    String suffix = "-" + scope.deployment().name();
    ResourceRef role = iam.ensureHarnessRole(new HarnessRoleSpec(scope, "harness-role" + suffix, ACCOUNT,
        Names.HARNESS_NAME));
    ResourceRef key = agentCore.ensureApiKeyProvider(new ApiKeyProviderSpec(scope, "creds" + suffix,
        rig.sealedCredentials()));
    return new HarnessSpec(scope, Names.HARNESS_NAME, role.arn(), Names.DEFAULT_MODEL_ID,
        "https://zs-" + scope.deployment().name() + ".ecs.us-east-1.on.aws/mcp", key.arn(),
        (scope.runId().replace("-", "") + "0".repeat(36)).substring(0, 36));
  }

  // ---- full describe outputs: the describe activity and the raw SDK describes it summarises ----
  // compared as text: every field shows in it, and SDK responses do not all compare by value

  static Object describeRole(String name) {
    var client = rig.aws.iam();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", iam.describeRole(new Lookup(OURS, name)));
    out.put("role", client.getRole(r -> r.roleName(name)).role());
    Map<String, String> inline = new LinkedHashMap<>();
    client.listRolePolicies(r -> r.roleName(name)).policyNames().forEach(p ->
        inline.put(p, client.getRolePolicy(r -> r.roleName(name).policyName(p)).policyDocument()));
    out.put("inline", inline);
    out.put("attached", client.listAttachedRolePolicies(r -> r.roleName(name)).attachedPolicies());
    return out;
  }

  static Object describeSecret(String id) {
    var client = rig.aws.secrets(REGION);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", secrets.describeSecret(new Lookup(OURS, id)));
    out.put("secret", client.describeSecret(r -> r.secretId(id)));
    if (client.describeSecret(r -> r.secretId(id)).deletedDate() == null) {
      out.put("value", client.getSecretValue(r -> r.secretId(id)).secretString());
    }
    out.put("resources", rig.resources("secretsmanager"));
    return out;
  }

  static Object describeCluster() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", ecs.describeCluster(new Lookup(OURS, Names.ECS_CLUSTER)));
    out.put("cluster", describeClusterOrNull());
    return out;
  }

  static Object describeClusterOrNull() {
    return rig.aws.ecs(REGION).describeClusters(r -> r.clusters(Names.ECS_CLUSTER)
        .include(ClusterField.TAGS, ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)).clusters().stream()
        .filter(c -> !"INACTIVE".equals(c.status())).findFirst().orElse(null);
  }

  static String clusterArn() {
    return rig.aws.ecs(REGION).describeClusters(r -> r.clusters(Names.ECS_CLUSTER)).clusters().get(0).clusterArn();
  }

  static Object describeLogGroup() {
    var client = rig.aws.logs(REGION);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", logs.describeLogGroup(new Lookup(OURS, Names.ECS_LOG_GROUP)));
    out.put("groups", client.describeLogGroups(r -> r.logGroupNamePrefix(Names.ECS_LOG_GROUP)).logGroups());
    out.put("tags", client.listTagsForResource(r -> r.resourceArn(logGroupArn())).tags());
    return out;
  }

  static String logGroupArn() {
    String arn = rig.aws.logs(REGION).describeLogGroups(r -> r.logGroupNamePrefix(Names.ECS_LOG_GROUP))
        .logGroups().get(0).arn();
    return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }

  static Object describeService() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", ecs.describeService(new Lookup(OURS, Names.ECS_SERVICE, Names.ECS_CLUSTER)));
    out.put("service", rig.aws.ecs(REGION).describeExpressGatewayService(r -> r.serviceArn(serviceArn())
        .include(ExpressGatewayServiceInclude.TAGS)).service());
    out.put("taskDefinitions", rig.aws.ecs(REGION).listTaskDefinitions(r -> r.familyPrefix(Names.ECS_CLUSTER))
        .taskDefinitionArns());
    return out;
  }

  static String serviceArn() {
    return rig.aws.ecs(REGION).listServices(r -> r.cluster(Names.ECS_CLUSTER)).serviceArns().stream()
        .filter(a -> a.endsWith("/" + Names.ECS_SERVICE)).findFirst().orElseThrow();
  }

  static Object describeProvider() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", agentCore.describeApiKeyProvider(new Lookup(OURS, Names.API_KEY_PROVIDER)));
    out.put("provider", rig.aws.agentCore(REGION).getApiKeyCredentialProvider(r -> r.name(Names.API_KEY_PROVIDER)));
    out.put("tags", rig.aws.agentCore(REGION).listTagsForResource(r -> r.resourceArn(providerArn())).tags());
    return out;
  }

  static String providerArn() {
    return rig.aws.agentCore(REGION).getApiKeyCredentialProvider(r -> r.name(Names.API_KEY_PROVIDER))
        .credentialProviderArn();
  }

  static Object describeHarness() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", agentCore.describeHarness(new Lookup(OURS, Names.HARNESS_NAME)));
    out.put("harness", harness());
    return out;
  }

  static io.harnessdeployer.activities.agentcore.Harness harness() {
    var api = rig.aws.harness(REGION);
    String id = api.listHarnesses(100, null).harnesses().stream()
        .filter(h -> Names.HARNESS_NAME.equals(h.harnessName())).findFirst().orElseThrow().harnessId();
    return api.getHarness(id);
  }
}
