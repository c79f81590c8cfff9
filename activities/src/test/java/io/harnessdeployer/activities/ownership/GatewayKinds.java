package io.harnessdeployer.activities.ownership;

import static io.harnessdeployer.activities.ownership.OwnershipOnEmulatorTest.ACCOUNT;
import static io.harnessdeployer.activities.ownership.OwnershipOnEmulatorTest.OUR_TAG_KEYS;
import static io.harnessdeployer.activities.ownership.OwnershipOnEmulatorTest.OURS;
import static io.harnessdeployer.activities.ownership.OwnershipOnEmulatorTest.REGION;

import io.harnessdeployer.activities.ownership.OwnershipOnEmulatorTest.Kind;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.AppClientRef;
import io.harnessdeployer.workflows.steps.AppClientSpec;
import io.harnessdeployer.workflows.steps.DomainSpec;
import io.harnessdeployer.workflows.steps.GatewayRoleSpec;
import io.harnessdeployer.workflows.steps.GatewaySpec;
import io.harnessdeployer.workflows.steps.GatewayTargetSpec;
import io.harnessdeployer.workflows.steps.JwtAuthorizer;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.OAuth2ProviderSpec;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.ResourceServerSpec;
import io.harnessdeployer.workflows.steps.RuntimeRoleSpec;
import io.harnessdeployer.workflows.steps.RuntimeSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.UserPoolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway topology's kinds for {@link OwnershipOnEmulatorTest}: what a pool holds (resource
 * server, app client, domain) and an OAuth2 provider lose their tags with the pool's, a target with
 * its gateway's. Runtimes and gateways get roles of their own per deployment, and a target a
 * provider of its own, so only the resource tested is contested.
 */
final class GatewayKinds {
  static final String DOMAIN = Names.cognitoDomain(Names.COGNITO_DOMAIN_PREFIX, ACCOUNT);
  static final String SCOPE = Names.cognitoScope(Names.COGNITO_RESOURCE_SERVER, Names.COGNITO_SCOPE);
  static final JwtAuthorizer AUTHORIZER = new JwtAuthorizer(
      Names.cognitoDiscoveryUrl(REGION, "us-east-1_none"), List.of("client"), List.of(SCOPE));

  private GatewayKinds() {}

  static List<Kind> kinds() {
    return List.of(
        new Kind("user pool", ResourceKind.USER_POOL, Names.COGNITO_USER_POOL, GatewayKinds::pool,
            GatewayKinds::untagPool, GatewayKinds::describePool,
            scope -> () -> cognito().ensureUserPool(new UserPoolSpec(scope, Names.COGNITO_USER_POOL))),
        new Kind("resource server", ResourceKind.RESOURCE_SERVER, Names.COGNITO_RESOURCE_SERVER,
            owner -> resourceServer(owner), GatewayKinds::untagPool, GatewayKinds::describeResourceServer,
            scope -> {
              ResourceServerSpec spec = new ResourceServerSpec(scope, poolId(), Names.COGNITO_RESOURCE_SERVER,
                  Names.COGNITO_SCOPE);
              return () -> cognito().ensureResourceServer(spec);
            }),
        new Kind("app client", ResourceKind.APP_CLIENT, Names.COGNITO_APP_CLIENT, GatewayKinds::appClient,
            GatewayKinds::untagPool, GatewayKinds::describeAppClient,
            scope -> {
              AppClientSpec spec = new AppClientSpec(scope, poolId(), Names.COGNITO_APP_CLIENT, List.of(SCOPE));
              return () -> cognito().ensureAppClient(spec);
            }),
        new Kind("domain", ResourceKind.USER_POOL_DOMAIN, DOMAIN,
            owner -> cognito().ensureDomain(new DomainSpec(owner, pool(owner), DOMAIN)),
            GatewayKinds::untagPool, GatewayKinds::describeDomain,
            scope -> {
              DomainSpec spec = new DomainSpec(scope, poolId(), DOMAIN);
              return () -> cognito().ensureDomain(spec);
            }),
        new Kind("OAuth2 provider", ResourceKind.OAUTH2_PROVIDER, Names.OAUTH_PROVIDER,
            owner -> {
              appClient(owner);
              OwnershipOnEmulatorTest.gateway.ensureOauth2Provider(providerSpec(owner));
            },
            GatewayKinds::untagPool, GatewayKinds::describeProvider,
            scope -> {
              OAuth2ProviderSpec spec = providerSpec(scope);
              return () -> OwnershipOnEmulatorTest.gateway.ensureOauth2Provider(spec);
            }),
        OwnershipOnEmulatorTest.role("runtime role", ResourceKind.RUNTIME_ROLE, Names.RUNTIME_ROLE,
            scope -> () -> iam().ensureRuntimeRole(new RuntimeRoleSpec(scope, Names.RUNTIME_ROLE, ACCOUNT, null))),
        new Kind("Runtime", ResourceKind.RUNTIME, Names.RUNTIME_NAME,
            owner -> OwnershipOnEmulatorTest.gateway.ensureRuntime(runtimeSpec(owner)),
            () -> agentCoreSdk().untagResource(r -> r.resourceArn(runtimeArn()).tagKeys(OUR_TAG_KEYS)),
            GatewayKinds::describeRuntime,
            scope -> {
              RuntimeSpec spec = runtimeSpec(scope);
              return () -> OwnershipOnEmulatorTest.gateway.ensureRuntime(spec);
            }),
        OwnershipOnEmulatorTest.role("gateway role", ResourceKind.GATEWAY_ROLE, Names.GATEWAY_ROLE,
            scope -> () -> iam().ensureGatewayRole(new GatewayRoleSpec(scope, Names.GATEWAY_ROLE, fakeRuntime(scope)))),
        new Kind("Gateway", ResourceKind.GATEWAY, Names.GATEWAY_NAME,
            owner -> OwnershipOnEmulatorTest.gateway.ensureGateway(gatewaySpec(owner)),
            GatewayKinds::untagGateway, GatewayKinds::describeGateway,
            scope -> {
              GatewaySpec spec = gatewaySpec(scope);
              return () -> OwnershipOnEmulatorTest.gateway.ensureGateway(spec);
            }),
        new Kind("Gateway target", ResourceKind.GATEWAY_TARGET, Names.GATEWAY_TARGET,
            owner -> {
              String gatewayId = OwnershipOnEmulatorTest.gateway.ensureGateway(gatewaySpec(owner)).gatewayId();
              ResourceRef provider = OwnershipOnEmulatorTest.gateway.ensureOauth2Provider(new OAuth2ProviderSpec(owner,
                  "oauth-" + owner.deployment().name(), AUTHORIZER.discoveryUrl(), "client",
                  OwnershipOnEmulatorTest.rig.credentials.seal("s", AppClientRef.SECRET_PURPOSE)));
              OwnershipOnEmulatorTest.gateway.ensureGatewayTarget(targetSpec(owner, gatewayId, provider.arn()));
            },
            GatewayKinds::untagGateway, GatewayKinds::describeTarget,
            scope -> {
              GatewayTargetSpec spec = targetSpec(scope, gatewayId(), "arn:aws:bedrock-agentcore:" + REGION + ":"
                  + ACCOUNT + ":token-vault/default/oauth2credentialprovider/none");
              return () -> OwnershipOnEmulatorTest.gateway.ensureGatewayTarget(spec);
            }));
  }

  // ---- makers and specs

  static String pool(Scope owner) {
    return cognito().ensureUserPool(new UserPoolSpec(owner, Names.COGNITO_USER_POOL)).poolId();
  }

  static String resourceServer(Scope owner) {
    String id = pool(owner);
    cognito().ensureResourceServer(new ResourceServerSpec(owner, id, Names.COGNITO_RESOURCE_SERVER, Names.COGNITO_SCOPE));
    return id;
  }

  static void appClient(Scope owner) {
    String id = resourceServer(owner);
    cognito().ensureAppClient(new AppClientSpec(owner, id, Names.COGNITO_APP_CLIENT, List.of(SCOPE)));
  }

  /** The live pool's discovery URL and app client, as that deployment's ensure would send them. */
  static OAuth2ProviderSpec providerSpec(Scope scope) {
    var sdk = OwnershipOnEmulatorTest.rig.aws.cognito(REGION);
    String pool = poolId();
    var client = sdk.listUserPoolClients(r -> r.userPoolId(pool).maxResults(60)).userPoolClients().get(0);
    String secret = sdk.describeUserPoolClient(r -> r.userPoolId(pool).clientId(client.clientId()))
        .userPoolClient().clientSecret();
    return new OAuth2ProviderSpec(scope, Names.OAUTH_PROVIDER, Names.cognitoDiscoveryUrl(REGION, pool),
        client.clientId(), OwnershipOnEmulatorTest.rig.credentials.seal(secret, AppClientRef.SECRET_PURPOSE));
  }

  static RuntimeSpec runtimeSpec(Scope scope) {
    ResourceRef role = iam().ensureRuntimeRole(new RuntimeRoleSpec(scope, "runtime-role-" + scope.deployment().name(),
        ACCOUNT, null));
    OwnershipOnEmulatorTest.rig.clock.advance(Names.IAM_PROPAGATION);
    return new RuntimeSpec(scope, Names.RUNTIME_NAME, role.arn(), Names.DEFAULT_IMAGE,
        ContainerEnv.forRuntime(Map.of(), Names.SECRET_NAME), null, AUTHORIZER);
  }

  static GatewaySpec gatewaySpec(Scope scope) {
    ResourceRef role = iam().ensureGatewayRole(new GatewayRoleSpec(scope, "gateway-role-" + scope.deployment().name(),
        fakeRuntime(scope)));
    OwnershipOnEmulatorTest.rig.clock.advance(Names.IAM_PROPAGATION);
    return new GatewaySpec(scope, Names.GATEWAY_NAME, role.arn(), AUTHORIZER, token(scope, "g"));
  }

  static GatewayTargetSpec targetSpec(Scope scope, String gatewayId, String providerArn) {
    return new GatewayTargetSpec(scope, gatewayId, Names.GATEWAY_TARGET,
        Names.runtimeMcpUrl(fakeRuntime(scope)), providerArn, List.of(SCOPE), token(scope, "t"));
  }

  static String fakeRuntime(Scope scope) {
    return "arn:aws:bedrock-agentcore:" + REGION + ":" + ACCOUNT + ":runtime/r_" + scope.deployment().name() + "-0000000000";
  }

  static String token(Scope scope, String kind) {
    return (kind + scope.runId().replace("-", "") + "0".repeat(36)).substring(0, 36);
  }

  // ---- untag: what has no tags of its own loses its container's

  static void untagPool() {
    OwnershipOnEmulatorTest.rig.aws.cognito(REGION).untagResource(r -> r.resourceArn(poolArn()).tagKeys(OUR_TAG_KEYS));
  }

  static void untagGateway() {
    agentCoreSdk().untagResource(r -> r.resourceArn(gateway().gatewayArn()).tagKeys(OUR_TAG_KEYS));
  }

  // ---- full describes: ours and the raw SDK answers

  static Object describePool() {
    return Map.of("observed", cognito().describeUserPool(new Lookup(OURS, Names.COGNITO_USER_POOL)),
        "pool", OwnershipOnEmulatorTest.rig.aws.cognito(REGION).describeUserPool(r -> r.userPoolId(poolId())).userPool());
  }

  static Object describeResourceServer() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", cognito().describeResourceServer(new Lookup(OURS, Names.COGNITO_RESOURCE_SERVER,
        Names.COGNITO_USER_POOL)));
    out.put("server", OwnershipOnEmulatorTest.rig.aws.cognito(REGION).describeResourceServer(r -> r.userPoolId(poolId())
        .identifier(Names.COGNITO_RESOURCE_SERVER)).resourceServer());
    out.put("pool", describePool());
    return out;
  }

  static Object describeAppClient() {
    var sdk = OwnershipOnEmulatorTest.rig.aws.cognito(REGION);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", cognito().describeAppClient(new Lookup(OURS, Names.COGNITO_APP_CLIENT, Names.COGNITO_USER_POOL)));
    out.put("clients", sdk.listUserPoolClients(r -> r.userPoolId(poolId()).maxResults(60)).userPoolClients());
    out.put("pool", describePool());
    return out;
  }

  static Object describeDomain() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", cognito().describeDomain(new Lookup(OURS, DOMAIN)));
    // the emulator makes up a CloudFront name on every describe: everything else must stay
    out.put("domain", OwnershipOnEmulatorTest.rig.aws.cognito(REGION).describeUserPoolDomain(r -> r.domain(DOMAIN))
        .domainDescription().toBuilder().cloudFrontDistribution(null).build());
    out.put("pool", describePool());
    return out;
  }

  static Object describeProvider() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", OwnershipOnEmulatorTest.gateway.describeOauth2Provider(new Lookup(OURS, Names.OAUTH_PROVIDER)));
    out.put("provider", agentCoreSdk().getOauth2CredentialProvider(r -> r.name(Names.OAUTH_PROVIDER)));
    out.put("pool", describePool());
    return out;
  }

  static Object describeRuntime() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", OwnershipOnEmulatorTest.gateway.describeRuntime(new Lookup(OURS, Names.RUNTIME_NAME)));
    String id = agentCoreSdk().listAgentRuntimes(r -> r.maxResults(100)).agentRuntimes().get(0).agentRuntimeId();
    out.put("runtime", agentCoreSdk().getAgentRuntime(r -> r.agentRuntimeId(id)));
    out.put("tags", agentCoreSdk().listTagsForResource(r -> r.resourceArn(runtimeArn())).tags());
    return out;
  }

  static Object describeGateway() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", OwnershipOnEmulatorTest.gateway.describeGateway(new Lookup(OURS, Names.GATEWAY_NAME)));
    out.put("gateway", gateway());
    out.put("tags", agentCoreSdk().listTagsForResource(r -> r.resourceArn(gateway().gatewayArn())).tags());
    return out;
  }

  static Object describeTarget() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observed", OwnershipOnEmulatorTest.gateway.describeGatewayTarget(new Lookup(OURS, Names.GATEWAY_TARGET,
        Names.GATEWAY_NAME)));
    out.put("targets", agentCoreSdk().listGatewayTargets(r -> r.gatewayIdentifier(gatewayId())).items());
    out.put("gateway", describeGateway());
    return out;
  }

  // ---- lookups

  static String poolId() {
    return OwnershipOnEmulatorTest.rig.aws.cognito(REGION).listUserPools(r -> r.maxResults(60)).userPools().stream()
        .filter(p -> Names.COGNITO_USER_POOL.equals(p.name())).findFirst().orElseThrow().id();
  }

  static String poolArn() {
    return OwnershipOnEmulatorTest.rig.aws.cognito(REGION).describeUserPool(r -> r.userPoolId(poolId())).userPool().arn();
  }

  static String runtimeArn() {
    return agentCoreSdk().listAgentRuntimes(r -> r.maxResults(100)).agentRuntimes().get(0).agentRuntimeArn();
  }

  static String gatewayId() {
    return agentCoreSdk().listGateways(r -> r.maxResults(100)).items().stream()
        .filter(g -> Names.GATEWAY_NAME.equals(g.name())).findFirst().orElseThrow().gatewayId();
  }

  static software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayResponse gateway() {
    return agentCoreSdk().getGateway(r -> r.gatewayIdentifier(gatewayId()));
  }

  static software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient agentCoreSdk() {
    return OwnershipOnEmulatorTest.rig.aws.agentCore(REGION);
  }

  static io.harnessdeployer.activities.cognito.CognitoActivitiesImpl cognito() {
    return OwnershipOnEmulatorTest.cognito;
  }

  static io.harnessdeployer.activities.iam.IamActivitiesImpl iam() {
    return OwnershipOnEmulatorTest.iam;
  }
}
