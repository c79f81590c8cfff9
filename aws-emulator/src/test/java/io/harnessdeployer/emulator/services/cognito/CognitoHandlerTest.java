package io.harnessdeployer.emulator.services.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.runtime.CloudLookup.TokenGrant;
import io.harnessdeployer.emulator.services.HandlerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cognito's operations as the gateway topology calls them, with the errors Cognito answers. */
class CognitoHandlerTest {
  final HandlerHarness.MutableClock clock = new HandlerHarness.MutableClock(java.time.Instant.parse("2026-12-01T09:00:00Z"));
  final CognitoHandler cognito = new CognitoHandler(clock);
  final HandlerHarness aws = new HandlerHarness(cognito, clock);

  String pool(String name) {
    return (String) map(aws.call("CreateUserPool", Map.of("PoolName", name,
        "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
        "UserPoolTags", Map.of("managed-by", "zscaler-mcp-harness"))).get("UserPool")).get("Id");
  }

  void resourceServer(String poolId) {
    aws.call("CreateResourceServer", Map.of("UserPoolId", poolId, "Identifier", "zscaler-mcp", "Name", "Zscaler MCP",
        "Scopes", List.of(Map.of("ScopeName", "invoke", "ScopeDescription", "Invoke the MCP server"))));
  }

  Map<String, Object> client(String poolId, Map<String, Object> extra) {
    Map<String, Object> in = new java.util.LinkedHashMap<>(Map.of("UserPoolId", poolId, "ClientName", "zscaler-mcp-client",
        "GenerateSecret", true, "AllowedOAuthFlows", List.of("client_credentials"), "AllowedOAuthScopes", List.of("zscaler-mcp/invoke"),
        "AllowedOAuthFlowsUserPoolClient", true));
    in.putAll(extra);
    return map(aws.call("CreateUserPoolClient", in).get("UserPoolClient"));
  }

  @Test
  void userPool_createDescribeListTagAndDelete() {
    String id = pool("zscaler-mcp-harness-pool");
    assertTrue(id.matches("us-east-1_[A-Za-z0-9]{9}"), id);
    Map<String, Object> pool = map(aws.call("DescribeUserPool", Map.of("UserPoolId", id)).get("UserPool"));
    assertEquals(Map.of("AllowAdminCreateUserOnly", true), pool.get("AdminCreateUserConfig"));
    assertEquals(Map.of("managed-by", "zscaler-mcp-harness"), pool.get("UserPoolTags"));
    String arn = (String) pool.get("Arn");
    aws.call("TagResource", Map.of("ResourceArn", arn, "Tags", Map.of("topology", "gateway")));
    aws.call("UntagResource", Map.of("ResourceArn", arn, "TagKeys", List.of("managed-by")));
    assertEquals(Map.of("topology", "gateway"), aws.call("ListTagsForResource", Map.of("ResourceArn", arn)).get("Tags"));
    pool("second");
    Map<String, Object> page = aws.call("ListUserPools", Map.of("MaxResults", 1));
    assertEquals("zscaler-mcp-harness-pool", map(list(page.get("UserPools")).get(0)).get("Name"));
    Map<String, Object> next = aws.call("ListUserPools", Map.of("MaxResults", 1, "NextToken", page.get("NextToken")));
    assertEquals("second", map(list(next.get("UserPools")).get(0)).get("Name"));
    assertNull(next.get("NextToken"));
    aws.call("DeleteUserPool", Map.of("UserPoolId", id));
    aws.fails("DescribeUserPool", Map.of("UserPoolId", id), "ResourceNotFoundException");
    aws.fails("ListUserPools", Map.of("MaxResults", 1, "NextToken", "bogus"), "InvalidParameterException");
  }

  @Test
  void resourceServer_describeMissingIsNotFound_duplicateIsInvalid_deleteRemoves() {
    String id = pool("p");
    aws.fails("DescribeResourceServer", Map.of("UserPoolId", id, "Identifier", "zscaler-mcp"), "ResourceNotFoundException");
    resourceServer(id);
    Map<String, Object> rs = map(aws.call("DescribeResourceServer", Map.of("UserPoolId", id, "Identifier", "zscaler-mcp")).get("ResourceServer"));
    assertEquals("invoke", map(list(rs.get("Scopes")).get(0)).get("ScopeName"));
    assertTrue(aws.fails("CreateResourceServer", Map.of("UserPoolId", id, "Identifier", "zscaler-mcp", "Name", "again"),
        "InvalidParameterException").getMessage().contains("already exists"));
    aws.call("DeleteResourceServer", Map.of("UserPoolId", id, "Identifier", "zscaler-mcp"));
    assertEquals(List.of(), aws.call("ListResourceServers", Map.of("UserPoolId", id, "MaxResults", 10)).get("ResourceServers"));
    aws.fails("CreateResourceServer", Map.of("UserPoolId", "us-east-1_missing00", "Identifier", "x", "Name", "x"), "ResourceNotFoundException");
  }

  @Test
  void appClient_hasAGeneratedSecret_onlyDescribeReturnsIt_andOAuthRulesHold() {
    String id = pool("p");
    aws.fails("CreateUserPoolClient", Map.of("UserPoolId", id, "ClientName", "c", "GenerateSecret", true,
        "AllowedOAuthFlows", List.of("client_credentials"), "AllowedOAuthScopes", List.of("zscaler-mcp/invoke"),
        "AllowedOAuthFlowsUserPoolClient", true), "ScopeDoesNotExistException");
    resourceServer(id);
    aws.fails("CreateUserPoolClient", Map.of("UserPoolId", id, "ClientName", "c", "AllowedOAuthFlows", List.of("client_credentials"),
        "AllowedOAuthScopes", List.of("zscaler-mcp/invoke"), "AllowedOAuthFlowsUserPoolClient", true), "InvalidOAuthFlowException");
    Map<String, Object> created = client(id, Map.of("ExplicitAuthFlows", List.of("ALLOW_REFRESH_TOKEN_AUTH")));
    String clientId = (String) created.get("ClientId");
    String secret = (String) created.get("ClientSecret");
    assertTrue(clientId.matches("[a-z0-9]{26}") && secret.matches("[a-z0-9]{51}"), created.toString());
    Map<String, Object> listed = map(list(aws.call("ListUserPoolClients", Map.of("UserPoolId", id, "MaxResults", 60)).get("UserPoolClients")).get(0));
    assertEquals(Map.of("ClientId", clientId, "ClientName", "zscaler-mcp-client", "UserPoolId", id), listed);
    Map<String, Object> described = map(aws.call("DescribeUserPoolClient", Map.of("UserPoolId", id, "ClientId", clientId)).get("UserPoolClient"));
    assertEquals(secret, described.get("ClientSecret"));
    assertEquals(List.of("client_credentials"), described.get("AllowedOAuthFlows"));
    aws.call("DeleteUserPoolClient", Map.of("UserPoolId", id, "ClientId", clientId));
    aws.fails("DescribeUserPoolClient", Map.of("UserPoolId", id, "ClientId", clientId), "ResourceNotFoundException");
  }

  @Test
  void domain_uniquePerRegion_emptyDescriptionWhenUnknown_blocksPoolDeletion() {
    String id = pool("p");
    String other = pool("other");
    assertEquals(Map.of(), aws.call("DescribeUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012")).get("DomainDescription"));
    aws.call("CreateUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012", "UserPoolId", id));
    Map<String, Object> d = map(aws.call("DescribeUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012")).get("DomainDescription"));
    assertEquals(id, d.get("UserPoolId"));
    assertEquals("ACTIVE", d.get("Status"));
    assertTrue(aws.fails("CreateUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012", "UserPoolId", other),
        "InvalidParameterException").getMessage().contains("already"));
    aws.as("210987654321", "us-east-1");
    String foreign = pool("foreign");
    aws.fails("CreateUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012", "UserPoolId", foreign), "InvalidParameterException");
    aws.as("123456789012", "eu-west-1");
    aws.call("CreateUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012", "UserPoolId", pool("eu")));
    aws.as("123456789012", "us-east-1");
    aws.fails("DeleteUserPool", Map.of("UserPoolId", id), "InvalidParameterException");
    aws.fails("DeleteUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012", "UserPoolId", other), "InvalidParameterException");
    aws.call("DeleteUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012", "UserPoolId", id));
    aws.fails("DeleteUserPoolDomain", Map.of("Domain", "zscaler-mcp-harness-123456789012", "UserPoolId", id), "ResourceNotFoundException");
    aws.call("DeleteUserPool", Map.of("UserPoolId", id));
  }

  @Test
  void clientCredentials_grantsAllowedScopes_checksTheSecret_andTokensVerifyUntilTheyExpire() {
    String id = pool("p");
    resourceServer(id);
    Map<String, Object> c = client(id, Map.of());
    String clientId = (String) c.get("ClientId");
    String secret = (String) c.get("ClientSecret");
    String discovery = "https://cognito-idp.us-east-1.amazonaws.com/" + id + "/.well-known/openid-configuration";

    TokenGrant grant = cognito.clientCredentials(discovery, clientId, secret, List.of("zscaler-mcp/invoke"), clock.instant());
    Map<String, Object> claims = cognito.verifiedClaims(discovery, grant.accessToken(), clock.instant()).orElseThrow();
    assertEquals(clientId, claims.get("client_id"));
    assertEquals("zscaler-mcp/invoke", claims.get("scope"));
    assertEquals("https://cognito-idp.us-east-1.amazonaws.com/" + id, claims.get("iss"));
    assertFalse(claims.containsKey("aud"));
    assertEquals("zscaler-mcp/invoke", cognito.verifiedClaims(discovery,
        cognito.clientCredentials(discovery, clientId, secret, null, clock.instant()).accessToken(), clock.instant()).orElseThrow().get("scope"));
    assertFalse(cognito.verifiedClaims(discovery,
        cognito.clientCredentials(discovery, clientId, secret, List.of(), clock.instant()).accessToken(), clock.instant()).orElseThrow().containsKey("scope"));

    assertEquals("invalid_client", cognito.clientCredentials(discovery, clientId, "wrong", null, clock.instant()).error());
    assertEquals("invalid_scope", cognito.clientCredentials(discovery, clientId, secret, List.of("other/x"), clock.instant()).error());
    String otherPool = pool("other");
    String otherDiscovery = "https://cognito-idp.us-east-1.amazonaws.com/" + otherPool + "/.well-known/openid-configuration";
    assertTrue(cognito.verifiedClaims(otherDiscovery, grant.accessToken(), clock.instant()).isEmpty(), "another pool's key");
    clock.advance(Duration.ofHours(1));
    assertTrue(cognito.verifiedClaims(discovery, grant.accessToken(), clock.instant()).isEmpty(), "expired after an hour");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }
}
