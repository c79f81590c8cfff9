package io.harnessdeployer.activities.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.activities.testing.GatewayDesired;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.GatewayShapes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.secrets.Sealer;
import io.harnessdeployer.workflows.steps.AppClientRef;
import io.harnessdeployer.workflows.steps.AppClientSpec;
import io.harnessdeployer.workflows.steps.CognitoActivities;
import io.harnessdeployer.workflows.steps.CognitoRef;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DomainSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.NestedDelete;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceServerSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.UserPoolRef;
import io.harnessdeployer.workflows.steps.UserPoolSpec;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The Cognito ensures, describes and deletes of the gateway topology (spec §3 step 6, §7.3 step 9) on the emulator. */
class CognitoActivitiesTest {
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");
  static final String DOMAIN = Names.cognitoDomain(Names.COGNITO_DOMAIN_PREFIX, "123456789012");
  static final String SCOPE = Names.cognitoScope(Names.COGNITO_RESOURCE_SERVER, Names.COGNITO_SCOPE);

  EmulatorRig rig;
  TestActivityEnvironment env;
  CognitoActivities cognito;
  CognitoIdentityProviderClient sdk;

  @BeforeEach
  void start() {
    rig = new EmulatorRig();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new CognitoActivitiesImpl(rig.aws::cognito, rig.credentials, rig.polling));
    cognito = Activities.stub(env, CognitoActivities.class);
    sdk = rig.aws.cognito(EmulatorRig.REGION);
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  record Deployed(UserPoolRef pool, CognitoRef server, AppClientRef client, CognitoRef domain) {}

  Deployed deploy(Scope scope) {
    UserPoolRef pool = cognito.ensureUserPool(new UserPoolSpec(scope, Names.COGNITO_USER_POOL));
    CognitoRef server = cognito.ensureResourceServer(new ResourceServerSpec(scope, pool.poolId(),
        Names.COGNITO_RESOURCE_SERVER, Names.COGNITO_SCOPE));
    AppClientRef client = cognito.ensureAppClient(new AppClientSpec(scope, pool.poolId(), Names.COGNITO_APP_CLIENT,
        List.of(SCOPE)));
    CognitoRef domain = cognito.ensureDomain(new DomainSpec(scope, pool.poolId(), DOMAIN));
    return new Deployed(pool, server, client, domain);
  }

  @Test
  void eachEnsureCreates_andARerunOfAnotherRunAdoptsTheSame() {
    Deployed first = deploy(RUN_1);
    assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED),
        List.of(first.pool().outcome(), first.server().outcome(), first.client().outcome(), first.domain().outcome()));
    var pool = sdk.describeUserPool(r -> r.userPoolId(first.pool().poolId())).userPool();
    assertEquals("gateway", pool.userPoolTags().get(Names.TAG_TOPOLOGY));
    assertEquals(RUN_1.deployment().tagValue(), pool.userPoolTags().get(Names.TAG_DEPLOYMENT));
    assertTrue(pool.adminCreateUserConfig().allowAdminCreateUserOnly());

    Deployed again = deploy(RUN_2);
    assertEquals(List.of(Outcome.ADOPTED, Outcome.ADOPTED, Outcome.ADOPTED, Outcome.ADOPTED),
        List.of(again.pool().outcome(), again.server().outcome(), again.client().outcome(), again.domain().outcome()));
    assertEquals(first.pool().poolId(), again.pool().poolId());
    assertEquals(first.client().clientId(), again.client().clientId());
    assertEquals(1, sdk.listUserPools(r -> r.maxResults(60)).userPools().size());
    // a retry of the creating run keeps reporting CREATED, so its compensation stays registered
    assertEquals(Outcome.CREATED, deploy(RUN_1).client().outcome());
  }

  @Test
  void theAppClientSecret_travelsOnlySealed_andOpensToWhatCognitoHolds() {
    AppClientRef client = deploy(RUN_1).client();
    String secret = sdk.describeUserPoolClient(r -> r.userPoolId(poolId()).clientId(client.clientId()))
        .userPoolClient().clientSecret();
    assertEquals(51, secret.length());
    String payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(client).orElseThrow().getData()
        .toString(StandardCharsets.UTF_8);
    assertFalse(payload.contains(secret), payload);
    assertTrue(payload.contains(client.clientId()), payload);
    assertEquals(secret, new Sealer(rig.key, AppClientRef.SECRET_PURPOSE).unsealString(client.sealedSecret()));
    // the adopting run reads the same secret back, sealed afresh
    AppClientRef adopted = deploy(RUN_2).client();
    assertNotEquals(client.sealedSecret(), adopted.sealedSecret());
    assertEquals(secret, new Sealer(rig.key, AppClientRef.SECRET_PURPOSE).unsealString(adopted.sealedSecret()));
  }

  @Test
  void afterCreate_everyDescribeMatchesItsDesiredState() {
    deploy(RUN_1);
    assertEquals(List.of(), GatewayDesired.drift(RUN_1, null, GatewayShapes.userPool(Names.COGNITO_USER_POOL),
        cognito.describeUserPool(new Lookup(RUN_1, Names.COGNITO_USER_POOL))));
    assertEquals(List.of(), GatewayDesired.untagged(null,
        GatewayShapes.resourceServer(Names.COGNITO_RESOURCE_SERVER, Names.COGNITO_SCOPE),
        cognito.describeResourceServer(new Lookup(RUN_1, Names.COGNITO_RESOURCE_SERVER, Names.COGNITO_USER_POOL))));
    var client = cognito.describeAppClient(new Lookup(RUN_1, Names.COGNITO_APP_CLIENT, Names.COGNITO_USER_POOL));
    assertEquals(List.of(), GatewayDesired.untagged(null, GatewayShapes.appClient(Names.COGNITO_APP_CLIENT,
        List.of(SCOPE)), client));
    String secret = sdk.describeUserPoolClient(r -> r.userPoolId(poolId())
        .clientId((String) client.properties().get("clientId"))).userPoolClient().clientSecret();
    assertFalse(client.toString().contains(secret), "the describe never carries the secret");
    assertEquals(List.of(), GatewayDesired.untagged(null, GatewayShapes.domain(DOMAIN, Names.COGNITO_USER_POOL),
        cognito.describeDomain(new Lookup(RUN_1, DOMAIN, Names.COGNITO_USER_POOL))));
    assertEquals(poolId(), cognito.describeUserPool(new Lookup(RUN_1, Names.COGNITO_USER_POOL)).properties().get("id"));
  }

  @Test
  void deletes_inReverse_areDeletedThenAlreadyGone() {
    deploy(RUN_1);
    Scope destroy = EmulatorRig.scope("destroy-run");
    NestedDelete client = new NestedDelete(destroy, DeleteMode.DEPLOYMENT, Names.COGNITO_USER_POOL, Names.COGNITO_APP_CLIENT);
    NestedDelete server = new NestedDelete(destroy, DeleteMode.DEPLOYMENT, Names.COGNITO_USER_POOL,
        Names.COGNITO_RESOURCE_SERVER);
    ResourceDelete domain = new ResourceDelete(destroy, DeleteMode.DEPLOYMENT, DOMAIN);
    ResourceDelete pool = new ResourceDelete(destroy, DeleteMode.DEPLOYMENT, Names.COGNITO_USER_POOL);
    assertEquals(DeleteOutcome.DELETED, cognito.deleteAppClient(client).outcome());
    assertEquals(DeleteOutcome.DELETED, cognito.deleteResourceServer(server).outcome());
    assertEquals(DeleteOutcome.DELETED, cognito.deleteDomain(domain).outcome());
    assertEquals("GONE", cognito.awaitDomainGone(new WaitSpec(destroy, DOMAIN, Names.DOMAIN_GONE_TIMEOUT,
        Names.DOMAIN_GONE_POLL_INTERVAL)).status());
    assertEquals(DeleteOutcome.DELETED, cognito.deleteUserPool(pool).outcome());
    assertTrue(sdk.listUserPools(r -> r.maxResults(60)).userPools().isEmpty());
    assertEquals(DeleteOutcome.ALREADY_GONE, cognito.deleteAppClient(client).outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE, cognito.deleteResourceServer(server).outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE, cognito.deleteDomain(domain).outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE, cognito.deleteUserPool(pool).outcome());
    assertFalse(cognito.describeUserPool(new Lookup(destroy, Names.COGNITO_USER_POOL)).exists());
  }

  @Test
  void aPoolWithItsDomain_isDeletedWhole() {
    deploy(RUN_1);
    assertEquals(DeleteOutcome.DELETED, cognito.deleteUserPool(
        new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, Names.COGNITO_USER_POOL)).outcome());
    assertFalse(cognito.describeDomain(new Lookup(RUN_1, DOMAIN)).exists());
  }

  @Test
  void anUntaggedPool_isNeverAdoptedNorDeleted_norAnythingInIt() {
    String id = sdk.createUserPool(r -> r.poolName(Names.COGNITO_USER_POOL)
        .userPoolTags(Map.of(Names.TAG_MANAGED_BY, Names.TAG_MANAGED_BY_VALUE))).userPool().id();
    sdk.createResourceServer(r -> r.userPoolId(id).identifier(Names.COGNITO_RESOURCE_SERVER).name("x")
        .scopes(s -> s.scopeName(Names.COGNITO_SCOPE).scopeDescription("x")));
    sdk.createUserPoolDomain(r -> r.domain(DOMAIN).userPoolId(id));
    assertEquals(FailureTypes.CONFLICT, Activities.failure(() ->
        cognito.ensureUserPool(new UserPoolSpec(RUN_1, Names.COGNITO_USER_POOL))).getType());
    assertEquals(FailureTypes.CONFLICT, Activities.failure(() -> cognito.ensureResourceServer(
        new ResourceServerSpec(RUN_1, id, Names.COGNITO_RESOURCE_SERVER, Names.COGNITO_SCOPE))).getType());
    for (DeleteMode mode : DeleteMode.values()) {
      assertEquals(DeleteOutcome.KEPT_NOT_OURS, cognito.deleteUserPool(
          new ResourceDelete(RUN_1, mode, Names.COGNITO_USER_POOL)).outcome());
      assertEquals(DeleteOutcome.KEPT_NOT_OURS, cognito.deleteDomain(new ResourceDelete(RUN_1, mode, DOMAIN)).outcome());
      assertEquals(DeleteOutcome.KEPT_NOT_OURS, cognito.deleteResourceServer(new NestedDelete(RUN_1, mode,
          Names.COGNITO_USER_POOL, Names.COGNITO_RESOURCE_SERVER)).outcome());
    }
    assertEquals(id, sdk.describeUserPoolDomain(r -> r.domain(DOMAIN)).domainDescription().userPoolId());
    assertEquals(1, sdk.listResourceServers(r -> r.userPoolId(id).maxResults(50)).resourceServers().size());
  }

  @Test
  void aDomainOfAnotherPool_isAConflictNamingTheFlag() {
    String other = sdk.createUserPool(r -> r.poolName("someone-else")).userPool().id();
    sdk.createUserPoolDomain(r -> r.domain(DOMAIN).userPoolId(other));
    UserPoolRef pool = cognito.ensureUserPool(new UserPoolSpec(RUN_1, Names.COGNITO_USER_POOL));
    var failure = Activities.failure(() -> cognito.ensureDomain(new DomainSpec(RUN_1, pool.poolId(), DOMAIN)));
    assertEquals(FailureTypes.CONFLICT, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("--cognito-domain-prefix"), failure.getOriginalMessage());
  }

  @Test
  void anotherRunsRollback_keepsWhatItDidNotCreate() {
    deploy(RUN_1);
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, cognito.deleteUserPool(
        new ResourceDelete(RUN_2, DeleteMode.THIS_RUN, Names.COGNITO_USER_POOL)).outcome());
    assertTrue(cognito.describeUserPool(new Lookup(RUN_2, Names.COGNITO_USER_POOL)).exists());
  }

  private String poolId() {
    return sdk.listUserPools(r -> r.maxResults(60)).userPools().get(0).id();
  }
}
