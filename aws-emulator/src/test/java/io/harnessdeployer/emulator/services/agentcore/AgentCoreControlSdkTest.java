package io.harnessdeployer.emulator.services.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.Emulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ApiKeyCredentialProviderItem;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateApiKeyCredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateOauth2CredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CredentialProviderVendorType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetApiKeyCredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListApiKeyCredentialProvidersResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/** The credential-provider and tag operations, through the real AWS SDK for Java v2 client. */
class AgentCoreControlSdkTest {
  private static Emulator emulator;
  private static BedrockAgentCoreControlClient client;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().port(0).build().start();
    client = Clients.of(BedrockAgentCoreControlClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.handlers().forEach(h -> h.reset());
  }

  @Test
  void apiKeyProvider_createGetUpdateListDelete() {
    CreateApiKeyCredentialProviderResponse created = client.createApiKeyCredentialProvider(r -> r
        .name("zscaler-mcp-creds").apiKey("Basic abc").tags(Map.of("managed-by", "zscaler-mcp-harness")));
    assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/zscaler-mcp-creds",
        created.credentialProviderArn());
    assertTrue(created.apiKeySecretArn().secretArn().contains(":secret:bedrock-agentcore-identity!default/apikey/zscaler-mcp-creds-"));

    GetApiKeyCredentialProviderResponse got = client.getApiKeyCredentialProvider(r -> r.name("zscaler-mcp-creds"));
    assertEquals(created.credentialProviderArn(), got.credentialProviderArn());
    assertTrue(Duration.between(got.createdTime(), Instant.now()).abs().getSeconds() < 60, "createdTime " + got.createdTime());

    client.updateApiKeyCredentialProvider(r -> r.name("zscaler-mcp-creds").apiKey("Basic def"));
    ListApiKeyCredentialProvidersResponse listed = client.listApiKeyCredentialProviders(r -> r.maxResults(10));
    assertEquals(List.of("zscaler-mcp-creds"), listed.credentialProviders().stream().map(ApiKeyCredentialProviderItem::name).toList());
    assertNull(listed.nextToken());
    assertEquals(Map.of("managed-by", "zscaler-mcp-harness"),
        client.listTagsForResource(r -> r.resourceArn(created.credentialProviderArn())).tags());

    client.deleteApiKeyCredentialProvider(r -> r.name("zscaler-mcp-creds"));
    assertThrows(ResourceNotFoundException.class, () -> client.getApiKeyCredentialProvider(r -> r.name("zscaler-mcp-creds")));
  }

  @Test
  void apiKeyProvider_duplicateName_isValidationException() {
    client.createApiKeyCredentialProvider(r -> r.name("dup").apiKey("k"));
    ValidationException e = assertThrows(ValidationException.class,
        () -> client.createApiKeyCredentialProvider(r -> r.name("dup").apiKey("k")));
    assertEquals(400, e.statusCode());
    assertTrue(e.getMessage().contains("Credential provider with name: dup already exists"), e.getMessage());
  }

  @Test
  void apiKeyProvider_badName_isRejectedByTheModelsPattern() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> client.createApiKeyCredentialProvider(r -> r.name("has spaces").apiKey("k")));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
  }

  @Test
  void oauth2Provider_createGetDelete() {
    String discovery = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/.well-known/openid-configuration";
    CreateOauth2CredentialProviderResponse created = client.createOauth2CredentialProvider(r -> r
        .name("zscaler-gw-oauth")
        .credentialProviderVendor(CredentialProviderVendorType.CUSTOM_OAUTH2)
        .oauth2ProviderConfigInput(c -> c.customOauth2ProviderConfig(o -> o
            .oauthDiscovery(d -> d.discoveryUrl(discovery)).clientId("client-1").clientSecret("secret-1"))));

    assertTrue(created.credentialProviderArn().endsWith(":token-vault/default/oauth2credentialprovider/zscaler-gw-oauth"));
    assertEquals("client-1", created.oauth2ProviderConfigOutput().customOauth2ProviderConfig().clientId());
    assertEquals(discovery, created.oauth2ProviderConfigOutput().customOauth2ProviderConfig().oauthDiscovery().discoveryUrl());
    assertEquals(CredentialProviderVendorType.CUSTOM_OAUTH2,
        client.getOauth2CredentialProvider(r -> r.name("zscaler-gw-oauth")).credentialProviderVendor());

    client.deleteOauth2CredentialProvider(r -> r.name("zscaler-gw-oauth"));
    assertThrows(ResourceNotFoundException.class, () -> client.getOauth2CredentialProvider(r -> r.name("zscaler-gw-oauth")));
  }

  @Test
  void tagAndUntag_throughTheArnInThePath() {
    String arn = client.createApiKeyCredentialProvider(r -> r.name("p").apiKey("k")).credentialProviderArn();
    client.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "1", "b", "2")));
    client.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
    assertEquals(Map.of("b", "2"), client.listTagsForResource(r -> r.resourceArn(arn)).tags());
  }

  @Test
  void agentRuntimeOperations_areServed_anUnknownRuntimeIsNotFound() {
    ResourceNotFoundException e =
        assertThrows(ResourceNotFoundException.class, () -> client.getAgentRuntime(r -> r.agentRuntimeId("rt-0123456789")));
    assertEquals(404, e.statusCode());
  }
}
