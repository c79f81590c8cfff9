package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.graph.Node.check;
import static io.harnessdeployer.workflows.graph.Node.resource;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_COGNITO;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_ROLE;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_SECRET;

import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway topology (spec §3, §3.1): the MCP server on an AgentCore Runtime behind an AgentCore
 * Gateway, both guarded by Cognito-issued tokens, the harness calling the gateway. {@code needs}
 * orders the deploy; destroy walks it backwards (§7.3).
 */
public final class GatewayTopology {
  public static final String PREFLIGHT = EcsTopology.PREFLIGHT, SECRET = EcsTopology.SECRET,
      USER_POOL = "user-pool", RESOURCE_SERVER = "resource-server", APP_CLIENT = "app-client", DOMAIN = "domain",
      OAUTH_PROVIDER = "oauth-provider", RUNTIME_ROLE = "runtime-role", RUNTIME = "runtime",
      RUNTIME_READY = "runtime-ready", GATEWAY_ROLE = "gateway-role", GATEWAY = "gateway",
      GATEWAY_READY = "gateway-ready", GATEWAY_TARGET = "gateway-target", GATEWAY_TARGET_READY = "gateway-target-ready",
      HARNESS_ROLE = EcsTopology.HARNESS_ROLE, HARNESS = EcsTopology.HARNESS, HARNESS_READY = EcsTopology.HARNESS_READY;

  /** What has no tags of its own, and the node whose tags stand for its (ownership, plan). */
  static final Map<String, String> TAGS_HELD_BY = Map.of(RESOURCE_SERVER, USER_POOL, APP_CLIENT, USER_POOL,
      DOMAIN, USER_POOL, GATEWAY_TARGET, GATEWAY);

  private GatewayTopology() {}

  public static Graph graph(Settings s) {
    ResourceNames n = s.names();
    GatewayNames gw = n.gateway();
    SecretNode secret = new SecretNode(s);
    CognitoNodes cognito = new CognitoNodes(s);
    GatewayNodes agentCore = new GatewayNodes(s);
    RoleNodes roles = new RoleNodes(s);
    HarnessNodes harness = new HarnessNodes(s);
    List<Node> g = new ArrayList<>();
    PreflightNode preflight = new PreflightNode(s, () -> Graph.claims(g));
    g.add(check(PREFLIGHT, "AWS identity, ownership, topology and image region check").recall(preflight::recall)
        .ensure(preflight::ensure));
    g.add(resource(SECRET, secret.title(), ResourceKind.SECRET, n.secret()).claim(secret.claim()).needs(PREFLIGHT)
        .keptBy(KEEP_SECRET).delete(secret::delete).describe(secret::describe).desired(secret::desired)
        .recall(secret::recall).ensure(secret::ensure));
    g.add(resource(USER_POOL, "Cognito user pool " + gw.userPool(), ResourceKind.USER_POOL, gw.userPool()).needs(PREFLIGHT)
        .keptBy(KEEP_COGNITO).delete(cognito::deletePool).describe(cognito::describePool).desired(cognito::desiredPool)
        .recall(cognito::recallPool).ensure(cognito::pool));
    g.add(resource(RESOURCE_SERVER, "Cognito resource server " + gw.resourceServer(), ResourceKind.RESOURCE_SERVER.kind(),
        gw.resourceServer()).claim(new OwnershipClaim(ResourceKind.RESOURCE_SERVER, gw.resourceServer(), gw.userPool()))
        .needs(USER_POOL).keptBy(KEEP_COGNITO).delete(cognito::deleteResourceServer)
        .describe(cognito::describeResourceServer).desired(cognito::desiredResourceServer)
        .recall(cognito::recallResourceServer).ensure(cognito::resourceServer));
    g.add(resource(APP_CLIENT, "Cognito app client " + gw.appClient(), ResourceKind.APP_CLIENT.kind(), gw.appClient())
        .claim(new OwnershipClaim(ResourceKind.APP_CLIENT, gw.appClient(), gw.userPool()))
        .needs(USER_POOL, RESOURCE_SERVER).keptBy(KEEP_COGNITO).delete(cognito::deleteAppClient)
        .describe(cognito::describeAppClient).desired(cognito::desiredAppClient).recall(cognito::recallAppClient)
        .ensure(cognito::appClient));
    g.add(resource(DOMAIN, "Cognito domain " + gw.domainPrefix() + "-<account>", ResourceKind.USER_POOL_DOMAIN.kind(),
        gw.domainPrefix()).needs(PREFLIGHT, USER_POOL).keptBy(KEEP_COGNITO).delete(cognito::deleteDomain)
        .describe(cognito::describeDomain).desired(cognito::desiredDomain).ensure(cognito::domain));
    g.add(resource(OAUTH_PROVIDER, "Token Vault OAuth2 provider " + gw.oauthProvider(), ResourceKind.OAUTH2_PROVIDER,
        gw.oauthProvider()).needs(USER_POOL, APP_CLIENT).delete(agentCore::deleteProvider)
        .describe(agentCore::describeProvider).desired(agentCore::desiredProvider)
        .recall(st -> Recalls.ref(st, gw.oauthProvider())).ensure(agentCore::provider));
    g.add(resource(RUNTIME_ROLE, "IAM role " + gw.runtimeRole(), ResourceKind.RUNTIME_ROLE, gw.runtimeRole())
        .needs(PREFLIGHT, SECRET).keptBy(KEEP_ROLE).delete(st -> roles.delete(st, gw.runtimeRole()))
        .describe(st -> roles.describe(st, gw.runtimeRole())).desired(roles::desiredRuntime)
        .recall(st -> Recalls.ref(st, gw.runtimeRole())).ensure(roles::runtime));
    g.add(resource(RUNTIME, "AgentCore Runtime " + gw.runtime(), ResourceKind.RUNTIME, gw.runtime())
        .needs(SECRET, RUNTIME_ROLE, USER_POOL, RESOURCE_SERVER, APP_CLIENT).delete(agentCore::deleteRuntime)
        .describe(agentCore::describeRuntime).desired(agentCore::desiredRuntime).recall(agentCore::recallRuntime)
        .ensure(agentCore::runtime));
    g.add(check(RUNTIME_READY, "Runtime READY").needs(RUNTIME).ensure(agentCore::runtimeReady));
    g.add(resource(GATEWAY_ROLE, "IAM role " + gw.gatewayRole(), ResourceKind.GATEWAY_ROLE, gw.gatewayRole())
        .needs(RUNTIME).keptBy(KEEP_ROLE).delete(st -> roles.delete(st, gw.gatewayRole()))
        .describe(st -> roles.describe(st, gw.gatewayRole())).desired(roles::desiredGateway)
        .recall(st -> Recalls.ref(st, gw.gatewayRole())).ensure(roles::gateway));
    g.add(resource(GATEWAY, "AgentCore Gateway " + gw.gateway(), ResourceKind.GATEWAY, gw.gateway())
        .needs(GATEWAY_ROLE, USER_POOL, RESOURCE_SERVER, APP_CLIENT).delete(agentCore::deleteGateway)
        .describe(agentCore::describeGateway).desired(agentCore::desiredGateway).recall(agentCore::recallGateway)
        .ensure(agentCore::gateway));
    g.add(check(GATEWAY_READY, "Gateway READY").needs(GATEWAY).ensure(agentCore::gatewayReady));
    // its creation checks the whole outbound leg: a token from the domain, through the provider, to a READY Runtime
    g.add(resource(GATEWAY_TARGET, "Gateway target " + gw.gatewayTarget(), ResourceKind.GATEWAY_TARGET.kind(),
        gw.gatewayTarget()).claim(new OwnershipClaim(ResourceKind.GATEWAY_TARGET, gw.gatewayTarget(), gw.gateway()))
        .needs(GATEWAY, GATEWAY_READY, RUNTIME, RUNTIME_READY, OAUTH_PROVIDER, DOMAIN).delete(agentCore::deleteTarget)
        .describe(agentCore::describeTarget).desired(agentCore::desiredTarget).ensure(agentCore::target));
    g.add(check(GATEWAY_TARGET_READY, "Gateway target READY").needs(GATEWAY_TARGET).ensure(agentCore::targetReady));
    g.add(resource(HARNESS_ROLE, "IAM role " + n.harnessRole(), ResourceKind.HARNESS_ROLE, n.harnessRole()).needs(PREFLIGHT)
        .keptBy(KEEP_ROLE).delete(st -> roles.delete(st, n.harnessRole()))
        .describe(st -> roles.describe(st, n.harnessRole())).desired(roles::desiredHarness)
        .recall(st -> Recalls.ref(st, n.harnessRole())).ensure(roles::harness));
    g.add(resource(HARNESS, "Harness " + n.harness(), ResourceKind.HARNESS, n.harness())
        .needs(HARNESS_ROLE, OAUTH_PROVIDER, GATEWAY, GATEWAY_TARGET, GATEWAY_TARGET_READY).delete(harness::delete)
        .describe(harness::describe).desired(harness::desired).ensure(harness::ensure));
    g.add(check(HARNESS_READY, "Harness READY").needs(HARNESS).ensure(harness::awaitReady));
    return new Graph(g);
  }
}
