package io.harnessdeployer.emulator.services.agentcore;

import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.fails;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.list;
import static io.harnessdeployer.emulator.services.agentcore.AgentCoreFixture.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.ResourceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialProvidersTest {
  private static final String KEY = "Basic c2VjcmV0LWNsaWVudDpzZWNyZXQ=";
  private final AgentCoreFixture f = new AgentCoreFixture();

  @Test
  void createApiKeyProvider_returnsVaultArnsAndNeverTheKey() {
    Map<String, Object> created = f.control("CreateApiKeyCredentialProvider",
        Map.of("name", "zscaler-mcp-creds", "apiKey", KEY, "tags", Map.of("managed-by", "zscaler-mcp-harness")));

    assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/zscaler-mcp-creds",
        created.get("credentialProviderArn"));
    assertTrue(map(created.get("apiKeySecretArn")).get("secretArn").toString().matches(
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:bedrock-agentcore-identity!default/apikey/zscaler-mcp-creds-[A-Za-z0-9]{6}"));
    Map<String, Object> got = f.control("GetApiKeyCredentialProvider", Map.of("name", "zscaler-mcp-creds"));
    Map<String, Object> listed = f.control("ListApiKeyCredentialProviders", Map.of());
    for (Object out : List.of(created, got, listed)) assertFalse(out.toString().contains(KEY), "key leaked: " + out);
    assertEquals(Instant.parse("2026-03-01T10:00:00Z"), got.get("createdTime"));
    assertEquals(created.get("apiKeySecretArn"), got.get("apiKeySecretArn"));
    assertEquals(Map.of("managed-by", "zscaler-mcp-harness"),
        f.control("ListTagsForResource", Map.of("resourceArn", created.get("credentialProviderArn"))).get("tags"));
  }

  @Test
  void createApiKeyProvider_whenNameTaken_isTheServicesValidationException() {
    f.control("CreateApiKeyCredentialProvider", Map.of("name", "dup", "apiKey", "k1"));

    AwsServiceError e = fails("ValidationException",
        () -> f.control("CreateApiKeyCredentialProvider", Map.of("name", "dup", "apiKey", "k2")));
    assertEquals("Credential provider with name: dup already exists", e.getMessage());
    assertEquals("ResourceConflict", e.fields().get("reason"));
  }

  @Test
  void missingProvider_isResourceNotFound_forGetUpdateAndDelete() {
    fails("ResourceNotFoundException", () -> f.control("GetApiKeyCredentialProvider", Map.of("name", "nope")));
    fails("ResourceNotFoundException",
        () -> f.control("UpdateApiKeyCredentialProvider", Map.of("name", "nope", "apiKey", "k")));
    fails("ResourceNotFoundException", () -> f.control("DeleteApiKeyCredentialProvider", Map.of("name", "nope")));
  }

  @Test
  void updateApiKeyProvider_keepsArnAndSecret_movesLastUpdated() {
    Map<String, Object> created = f.control("CreateApiKeyCredentialProvider", Map.of("name", "p", "apiKey", "old"));
    f.clock.advance(Duration.ofMinutes(1));

    Map<String, Object> updated = f.control("UpdateApiKeyCredentialProvider", Map.of("name", "p", "apiKey", "new"));

    assertEquals(created.get("credentialProviderArn"), updated.get("credentialProviderArn"));
    assertEquals(created.get("apiKeySecretArn"), updated.get("apiKeySecretArn"));
    assertEquals(Instant.parse("2026-03-01T10:01:00Z"), updated.get("lastUpdatedTime"));
    assertEquals(Instant.parse("2026-03-01T10:00:00Z"), updated.get("createdTime"));
    assertFalse(updated.toString().contains("new"));
  }

  @Test
  void deleteApiKeyProvider_removesItAndItsTags() {
    String arn = (String) f.control("CreateApiKeyCredentialProvider", Map.of("name", "p", "apiKey", "k"))
        .get("credentialProviderArn");

    assertEquals(Map.of(), f.control("DeleteApiKeyCredentialProvider", Map.of("name", "p")));

    fails("ResourceNotFoundException", () -> f.control("GetApiKeyCredentialProvider", Map.of("name", "p")));
    fails("ResourceNotFoundException", () -> f.control("ListTagsForResource", Map.of("resourceArn", arn)));
    f.control("CreateApiKeyCredentialProvider", Map.of("name", "p", "apiKey", "again"));
  }

  @Test
  void createApiKeyProvider_withoutAKey_isRejected() {
    fails("ValidationException", () -> f.control("CreateApiKeyCredentialProvider", Map.of("name", "p")));
  }

  @Test
  void listApiKeyProviders_pagesByName() {
    for (String n : List.of("c", "a", "b")) f.control("CreateApiKeyCredentialProvider", Map.of("name", n, "apiKey", "k"));

    Map<String, Object> first = f.control("ListApiKeyCredentialProviders", Map.of("maxResults", 2));
    assertEquals(List.of("a", "b"), list(first.get("credentialProviders")).stream().map(p -> map(p).get("name")).toList());
    Map<String, Object> second = f.control("ListApiKeyCredentialProviders", Map.of("maxResults", 2, "nextToken", first.get("nextToken")));
    assertEquals(List.of("c"), list(second.get("credentialProviders")).stream().map(p -> map(p).get("name")).toList());
    assertNull(second.get("nextToken"));
    fails("ValidationException", () -> f.control("ListApiKeyCredentialProviders", Map.of("nextToken", "garbage!")));
  }

  @Test
  void createOauth2Provider_custom_echoesDiscoveryAndClientIdButNotTheSecret() {
    String discovery = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/.well-known/openid-configuration";
    Map<String, Object> created = f.control("CreateOauth2CredentialProvider", Map.of(
        "name", "zscaler-gw-oauth",
        "credentialProviderVendor", "CustomOauth2",
        "oauth2ProviderConfigInput", Map.of("customOauth2ProviderConfig", Map.of(
            "oauthDiscovery", Map.of("discoveryUrl", discovery),
            "clientId", "client-1",
            "clientSecret", "s3cr3t-value"))));

    assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/zscaler-gw-oauth",
        created.get("credentialProviderArn"));
    assertTrue(created.get("callbackUrl").toString().startsWith("https://bedrock-agentcore.us-east-1.amazonaws.com/identities/oauth2/callback/"));
    assertEquals(Map.of("customOauth2ProviderConfig", Map.of("clientId", "client-1", "oauthDiscovery", Map.of("discoveryUrl", discovery))),
        created.get("oauth2ProviderConfigOutput"));
    Map<String, Object> got = f.control("GetOauth2CredentialProvider", Map.of("name", "zscaler-gw-oauth"));
    assertEquals("CustomOauth2", got.get("credentialProviderVendor"));
    assertEquals(created.get("callbackUrl"), got.get("callbackUrl"));
    for (Object out : List.of(created, got, f.control("ListOauth2CredentialProviders", Map.of()))) {
      assertFalse(out.toString().contains("s3cr3t-value"), "secret leaked: " + out);
    }
  }

  @Test
  void createOauth2Provider_whenConfigDoesNotMatchVendor_isRejected() {
    fails("ValidationException", () -> f.control("CreateOauth2CredentialProvider", Map.of(
        "name", "x", "credentialProviderVendor", "CustomOauth2",
        "oauth2ProviderConfigInput", Map.of("googleOauth2ProviderConfig", Map.of("clientId", "c")))));
  }

  @Test
  void oauth2Provider_duplicateUpdateDelete() {
    Map<String, Object> input = Map.of("name", "o", "credentialProviderVendor", "CustomOauth2",
        "oauth2ProviderConfigInput", Map.of("customOauth2ProviderConfig",
            Map.of("oauthDiscovery", Map.of("discoveryUrl", "https://idp.example/.well-known/openid-configuration"), "clientId", "c1")));
    f.control("CreateOauth2CredentialProvider", input);
    fails("ValidationException", () -> f.control("CreateOauth2CredentialProvider", input));

    Map<String, Object> updated = f.control("UpdateOauth2CredentialProvider", Map.of("name", "o", "credentialProviderVendor", "CustomOauth2",
        "oauth2ProviderConfigInput", Map.of("customOauth2ProviderConfig",
            Map.of("oauthDiscovery", Map.of("discoveryUrl", "https://idp.example/.well-known/openid-configuration"), "clientId", "c2"))));
    assertEquals("c2", map(map(updated.get("oauth2ProviderConfigOutput")).get("customOauth2ProviderConfig")).get("clientId"));

    f.control("DeleteOauth2CredentialProvider", Map.of("name", "o"));
    fails("ResourceNotFoundException", () -> f.control("GetOauth2CredentialProvider", Map.of("name", "o")));
    fails("ResourceNotFoundException", () -> f.control("DeleteOauth2CredentialProvider", Map.of("name", "o")));
  }

  @Test
  void tagAndUntagResource() {
    String arn = (String) f.control("CreateApiKeyCredentialProvider", Map.of("name", "p", "apiKey", "k", "tags", Map.of("a", "1")))
        .get("credentialProviderArn");

    f.control("TagResource", Map.of("resourceArn", arn, "tags", Map.of("b", "2", "a", "3")));
    f.control("UntagResource", Map.of("resourceArn", arn, "tagKeys", List.of("b")));

    assertEquals(Map.of("a", "3"), f.control("ListTagsForResource", Map.of("resourceArn", arn)).get("tags"));
    fails("ResourceNotFoundException", () -> f.control("TagResource",
        Map.of("resourceArn", arn + "-missing", "tags", Map.of("a", "1"))));
  }

  @Test
  void tagResource_beyondFiftyTags_isRejectedAndChangesNothing() {
    Map<String, Object> fifty = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 50; i++) fifty.put("k" + i, "v");
    String arn = (String) f.control("CreateApiKeyCredentialProvider", Map.of("name", "p", "apiKey", "k", "tags", fifty))
        .get("credentialProviderArn");

    fails("ValidationException", () -> f.control("TagResource", Map.of("resourceArn", arn, "tags", Map.of("k50", "v", "k0", "changed"))));
    assertEquals(fifty, f.control("ListTagsForResource", Map.of("resourceArn", arn)).get("tags"));
  }

  @Test
  void resources_listProvidersWithTheirTags_andResetForgetsThem() {
    f.control("CreateApiKeyCredentialProvider", Map.of("name", "p", "apiKey", "k", "tags", Map.of("a", "1")));
    f.control("CreateOauth2CredentialProvider", Map.of("name", "o", "credentialProviderVendor", "CustomOauth2",
        "oauth2ProviderConfigInput", Map.of("customOauth2ProviderConfig",
            Map.of("oauthDiscovery", Map.of("discoveryUrl", "https://idp.example/.well-known/openid-configuration")))));

    List<ResourceView> views = f.control.resources();
    assertEquals(List.of("apikey-credential-provider", "oauth2-credential-provider"), views.stream().map(ResourceView::type).toList());
    assertEquals(Map.of("a", "1"), views.get(0).tags());

    f.control.reset();
    assertEquals(List.of(), f.control.resources());
  }
}
