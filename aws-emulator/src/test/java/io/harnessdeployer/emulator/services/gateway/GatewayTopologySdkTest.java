package io.harnessdeployer.emulator.services.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.Raw;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.services.HandlerHarness.MutableClock;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CredentialProviderType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GatewayStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayTargetResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.TargetStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The gateway topology's calls (spec §3 steps 6-10, §3.1, §7.3) through the Java SDK on the
 * realistic latency profile with a clock the test moves: Cognito, the OAuth2 provider, Runtime,
 * Gateway and target settle as the profile says, the gateway's MCP URL admits only a token the
 * authorizer accepts, and destroy in reverse leaves nothing.
 */
class GatewayTopologySdkTest {
  static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"bedrock-agentcore.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String SCOPE = "zscaler-mcp/invoke";
  static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}";

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  Emulator emulator;
  CognitoIdentityProviderClient cognito;
  BedrockAgentCoreControlClient agentcore;
  IamClient iam;
  SecretsManagerClient secrets;
  Raw raw;

  @BeforeEach
  void start() {
    emulator = Emulator.builder()
        .settings(EmulatorSettings.defaults().withClock(clock).withLatency(LatencyProfile.realistic())).build().start();
    cognito = Clients.of(CognitoIdentityProviderClient.builder(), emulator);
    agentcore = Clients.of(BedrockAgentCoreControlClient.builder(), emulator);
    iam = Clients.of(IamClient.builder(), emulator);
    secrets = Clients.of(SecretsManagerClient.builder(), emulator);
    raw = new Raw(emulator);
  }

  @AfterEach
  void stop() {
    for (AutoCloseable c : List.<AutoCloseable>of(cognito, agentcore, iam, secrets)) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing SDK clients does not fail in practice
      }
    }
    emulator.close();
  }

  @Test
  void deployInvokeAndDestroy_followTheLatencyProfileAndTheAuthChain() {
    // Cognito (§3 step 6)
    String poolId = cognito.createUserPool(r -> r.poolName("zscaler-mcp-harness-pool")
        .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
        .userPoolTags(Map.of("managed-by", "zscaler-mcp-harness"))).userPool().id();
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("zscaler-mcp").name("Zscaler MCP")
        .scopes(s -> s.scopeName("invoke").scopeDescription("Invoke the MCP server")));
    var client = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("zscaler-mcp-client").generateSecret(true)
        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes(SCOPE).allowedOAuthFlowsUserPoolClient(true)
        .explicitAuthFlowsWithStrings("ALLOW_REFRESH_TOKEN_AUTH")).userPoolClient();
    assertEquals(51, client.clientSecret().length());
    String domain = "zscaler-mcp-harness-123456789012";
    assertTrue(cognito.describeUserPoolDomain(r -> r.domain(domain)).domainDescription().userPoolId() == null);
    cognito.createUserPoolDomain(r -> r.domain(domain).userPoolId(poolId));
    assertEquals(poolId, cognito.describeUserPoolDomain(r -> r.domain(domain)).domainDescription().userPoolId());
    String discovery = "https://cognito-idp.us-east-1.amazonaws.com/" + poolId + "/.well-known/openid-configuration";
    assertEquals(200, raw.send("GET", "/_emulator/endpoints/cognito-idp.us-east-1.amazonaws.com/" + poolId
        + "/.well-known/jwks.json", null).statusCode());

    // OAuth2 provider (step 7) and the Runtime (step 8): its role must propagate first
    String providerArn = agentcore.createOauth2CredentialProvider(r -> r.name("zscaler-mcp-oauth")
        .credentialProviderVendor("CustomOauth2").oauth2ProviderConfigInput(c -> c.customOauth2ProviderConfig(
            o -> o.clientId(client.clientId()).clientSecret(client.clientSecret()).oauthDiscovery(d -> d.discoveryUrl(discovery)))))
        .credentialProviderArn();
    String runtimeRole = iam.createRole(r -> r.roleName("zscaler-mcp-harness-runtime-role").assumeRolePolicyDocument(TRUST)).role().arn();
    secrets.createSecret(r -> r.name("zscaler-mcp-harness/credentials")
        .secretString("{\"ZSCALER_CLIENT_ID\":\"id\",\"ZSCALER_CLIENT_SECRET\":\"s\"}"));
    AuthorizerConfiguration inbound = AuthorizerConfiguration.fromCustomJWTAuthorizer(
        j -> j.discoveryUrl(discovery).allowedClients(client.clientId()).allowedScopes(SCOPE));
    Runnable createRuntime = () -> agentcore.createAgentRuntime(r -> r.agentRuntimeName("zscaler_mcp_runtime")
        .agentRuntimeArtifact(a -> a.containerConfiguration(c -> c.containerUri("709825985650.dkr.ecr.us-east-1.amazonaws.com/z:1")))
        .roleArn(runtimeRole).networkConfiguration(n -> n.networkMode("PUBLIC")).protocolConfiguration(p -> p.serverProtocol("MCP"))
        .environmentVariables(Map.of("ZSCALER_SECRET_NAME", "zscaler-mcp-harness/credentials"))
        .authorizerConfiguration(inbound).requestHeaderConfiguration(h -> h.requestHeaderAllowlist("Authorization")));
    assertThrows(ValidationException.class, createRuntime::run);
    clock.advance(Duration.ofSeconds(5));
    createRuntime.run();
    assertThrows(ConflictException.class, createRuntime::run);
    var summary = agentcore.listAgentRuntimes(r -> r.maxResults(100)).agentRuntimes().get(0);
    String runtimeId = summary.agentRuntimeId();
    assertEquals(AgentRuntimeStatus.CREATING, summary.status());
    clock.advance(Duration.ofSeconds(7));
    assertEquals(AgentRuntimeStatus.CREATING, agentcore.getAgentRuntime(r -> r.agentRuntimeId(runtimeId)).status());
    clock.advance(Duration.ofSeconds(1));
    var runtime = agentcore.getAgentRuntime(r -> r.agentRuntimeId(runtimeId));
    assertEquals(AgentRuntimeStatus.READY, runtime.status());
    assertEquals(SCOPE, runtime.authorizerConfiguration().customJWTAuthorizer().allowedScopes().get(0));

    // Gateway and target (steps 9-10)
    String gatewayRole = iam.createRole(r -> r.roleName("zscaler-mcp-harness-gateway-role").assumeRolePolicyDocument(TRUST)).role().arn();
    clock.advance(Duration.ofSeconds(5));
    var gateway = agentcore.createGateway(r -> r.name("zscaler-mcp-gateway").roleArn(gatewayRole).protocolType("MCP")
        .authorizerType("CUSTOM_JWT").authorizerConfiguration(inbound).clientToken("4a1c1a5e-7b57-4f3c-9d7c-000000000001")
        .tags(Map.of("managed-by", "zscaler-mcp-harness")));
    assertEquals(GatewayStatus.CREATING, gateway.status());
    assertTrue(gateway.gatewayUrl().matches("https://zscaler-mcp-gateway-[a-z0-9]{10}\\.gateway\\.bedrock-agentcore\\.us-east-1\\.amazonaws\\.com/mcp"));
    String gatewayId = gateway.gatewayId();
    clock.advance(Duration.ofSeconds(6));
    assertEquals(GatewayStatus.READY, agentcore.getGateway(r -> r.gatewayIdentifier(gatewayId)).status());
    String runtimeUrl = "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/"
        + URLEncoder.encode(runtime.agentRuntimeArn(), StandardCharsets.UTF_8) + "/invocations?qualifier=DEFAULT";
    String withScope = createTarget(gatewayId, "zscaler-mcp-target", runtimeUrl, providerArn, List.of(SCOPE));
    String withoutScope = createTarget(gatewayId, "no-scope-target", runtimeUrl, providerArn, List.of());
    clock.advance(Duration.ofSeconds(4));
    assertEquals(TargetStatus.READY, target(gatewayId, withScope).status());
    GetGatewayTargetResponse failed = target(gatewayId, withoutScope);
    assertEquals(TargetStatus.FAILED, failed.status(), "a token without the scope claim is refused by the Runtime");
    assertTrue(failed.statusReasons().get(0).contains("401 Unauthorized (insufficient scope)"), failed.statusReasons().toString());

    // The gateway's MCP URL (§3.1 steps 3-5)
    String gatewayHost = gateway.gatewayUrl().substring("https://".length(), gateway.gatewayUrl().indexOf("/mcp"));
    String token = token(domain, client.clientId(), client.clientSecret());
    HttpResponse<String> ok = mcp(gatewayHost, "Bearer " + token);
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(ok.body().contains("Zscaler MCP Server"), ok.body());
    assertEquals(401, mcp(gatewayHost, null).statusCode());
    assertEquals(401, mcp(gatewayHost, "Bearer " + token.substring(0, token.length() - 4) + "AAAA").statusCode());
    assertEquals(400, tokenResponse(domain, client.clientId(), "wrong-secret").statusCode());
    String live = raw.send("GET", "/_emulator/resources", null).body();
    for (String type : List.of("\"user-pool\"", "\"agent-runtime\"", "\"gateway\"", "\"gateway-target\"")) {
      assertTrue(live.contains(type), type + " in " + live);
    }
    String log = raw.send("GET", "/_emulator/requests", null).body();
    assertTrue(log.contains("CreateOauth2CredentialProvider") && log.contains("/oauth2/token"), log);
    assertFalse(log.contains(client.clientSecret()) || log.contains(token), "the request log holds no client secret or token");

    // Destroy in reverse (§7.3): a gateway with targets conflicts until they are gone
    agentcore.deleteGatewayTarget(r -> r.gatewayIdentifier(gatewayId).targetId(withScope));
    agentcore.deleteGatewayTarget(r -> r.gatewayIdentifier(gatewayId).targetId(withoutScope));
    assertThrows(ConflictException.class, () -> agentcore.deleteGateway(r -> r.gatewayIdentifier(gatewayId)));
    clock.advance(Duration.ofSeconds(2));
    assertTrue(agentcore.listGatewayTargets(r -> r.gatewayIdentifier(gatewayId)).items().isEmpty());
    assertEquals(GatewayStatus.DELETING, agentcore.deleteGateway(r -> r.gatewayIdentifier(gatewayId)).status());
    agentcore.deleteOauth2CredentialProvider(r -> r.name("zscaler-mcp-oauth"));
    assertEquals(AgentRuntimeStatus.DELETING, agentcore.deleteAgentRuntime(r -> r.agentRuntimeId(runtimeId)).status());
    clock.advance(Duration.ofSeconds(4));
    assertThrows(ResourceNotFoundException.class, () -> agentcore.getGateway(r -> r.gatewayIdentifier(gatewayId)));
    assertThrows(ResourceNotFoundException.class, () -> agentcore.getAgentRuntime(r -> r.agentRuntimeId(runtimeId)));
    assertEquals(404, mcp(gatewayHost, "Bearer " + token).statusCode());
    assertThrows(InvalidParameterException.class, () -> cognito.deleteUserPool(r -> r.userPoolId(poolId)));
    cognito.deleteUserPoolDomain(r -> r.domain(domain).userPoolId(poolId));
    cognito.deleteUserPool(r -> r.userPoolId(poolId));
    assertTrue(cognito.listUserPools(r -> r.maxResults(60)).userPools().isEmpty());
    String left = raw.send("GET", "/_emulator/resources", null).body();
    assertFalse(left.contains("bedrock-agentcore-control") || left.contains("cognito-idp"), left);
  }

  @Test
  void modelConstraints_areCheckedBeforeTheHandler_inEachServicesOwnError() {
    assertThrows(InvalidParameterException.class, () -> cognito.listUserPools(r -> r.maxResults(61)));
    assertThrows(InvalidParameterException.class, () -> cognito.createUserPoolDomain(r -> r.domain("Bad_Prefix").userPoolId("us-east-1_abc")));
    ValidationException runtime = assertThrows(ValidationException.class, () -> agentcore.createAgentRuntime(r -> r
        .agentRuntimeName("not-a-runtime-name").roleArn("arn:aws:iam::123456789012:role/r")
        .agentRuntimeArtifact(a -> a.containerConfiguration(c -> c.containerUri("u")))));
    assertTrue(runtime.getMessage().contains("agentRuntimeName"), runtime.getMessage());
    assertThrows(ValidationException.class, () -> agentcore.createGateway(r -> r.name("not_a_gateway_name")
        .roleArn("arn:aws:iam::123456789012:role/r").authorizerType("NONE")));
    assertThrows(ValidationException.class, () -> agentcore.listGateways(r -> r.maxResults(1001)));
    String calls = raw.send("GET", "/_emulator/requests?service=bedrock-agentcore-control", null).body();
    assertTrue(calls.contains("CreateAgentRuntime") && calls.contains("ValidationException"), calls);
  }

  private String createTarget(String gatewayId, String name, String endpoint, String providerArn, List<String> scopes) {
    return agentcore.createGatewayTarget(r -> r.gatewayIdentifier(gatewayId).name(name)
        .targetConfiguration(t -> t.mcp(m -> m.mcpServer(s -> s.endpoint(endpoint))))
        .credentialProviderConfigurations(c -> c.credentialProviderType(CredentialProviderType.OAUTH)
            .credentialProvider(p -> p.oauthCredentialProvider(o -> o.providerArn(providerArn).scopes(scopes).grantType("CLIENT_CREDENTIALS")))))
        .targetId();
  }

  private GetGatewayTargetResponse target(String gatewayId, String targetId) {
    return agentcore.getGatewayTarget(r -> r.gatewayIdentifier(gatewayId).targetId(targetId));
  }

  private String token(String domain, String clientId, String secret) {
    HttpResponse<String> r = tokenResponse(domain, clientId, secret);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> body = Raw.parse(r);
    assertEquals("Bearer", body.get("token_type"));
    String token = (String) body.get("access_token");
    String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertTrue(claims.contains("\"scope\":\"" + SCOPE + "\"") && claims.contains("\"client_id\":\"" + clientId + "\"")
        && !claims.contains("\"aud\""), claims);
    return token;
  }

  private HttpResponse<String> tokenResponse(String domain, String clientId, String secret) {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return raw.send("POST", "/_emulator/endpoints/" + domain + ".auth.us-east-1.amazoncognito.com/oauth2/token",
        "grant_type=client_credentials&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic);
  }

  private HttpResponse<String> mcp(String host, String authorization) {
    return authorization == null
        ? raw.send("POST", "/_emulator/endpoints/" + host + "/mcp", INITIALIZE, "Content-Type", "application/json")
        : raw.send("POST", "/_emulator/endpoints/" + host + "/mcp", INITIALIZE, "Content-Type", "application/json",
            "Authorization", authorization);
  }
}
