package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Token Vault credential providers (API key and OAuth2). Secrets go in, are kept, and never come back
 * out. A duplicate name is a ValidationException ("Credential provider with name: X already exists"),
 * not the modeled ConflictException: that is what the live service answers, and callers match on it.
 */
final class CredentialProviders {
  private static final int DEFAULT_PAGE = 10;
  private static final Set<String> SECRET_MEMBERS = Set.of("clientSecret", "clientSecretConfig", "clientSecretSource");

  private final AccountRegionStore<AgentCoreState> store;
  private final Ids ids;

  CredentialProviders(AccountRegionStore<AgentCoreState> store, Ids ids) {
    this.store = store;
    this.ids = ids;
  }

  // ---- API key ----

  Map<String, Object> createApiKey(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      String name = (String) input.get("name");
      requireFreeName(s.apiKeyProviders, name);
      String arn = ctx.arn("bedrock-agentcore", "token-vault/default/apikeycredentialprovider/" + name);
      ApiKeyProvider p = new ApiKeyProvider(name, arn, null, null, null, null, ctx.now(), ctx.now());
      p = withApiKey(ctx, p, input);
      s.apiKeyProviders.put(name, p);
      s.tags.put(arn, Values.tags(input.get("tags")));
      return apiKeyOutput(p, false);
    }
  }

  Map<String, Object> getApiKey(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      return apiKeyOutput(apiKeyProvider(s, (String) input.get("name")), true);
    }
  }

  Map<String, Object> updateApiKey(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      ApiKeyProvider p = withApiKey(ctx, apiKeyProvider(s, (String) input.get("name")), input);
      s.apiKeyProviders.put(p.name(), p);
      return apiKeyOutput(p, true);
    }
  }

  Map<String, Object> deleteApiKey(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      ApiKeyProvider p = apiKeyProvider(s, (String) input.get("name"));
      s.apiKeyProviders.remove(p.name());
      s.tags.remove(p.arn());
      return Map.of();
    }
  }

  Map<String, Object> listApiKeys(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      List<ApiKeyProvider> all = new ArrayList<>(s.apiKeyProviders.values());
      Paging.Page<ApiKeyProvider> page =
          Paging.page(all, ApiKeyProvider::name, input.get("maxResults"), input.get("nextToken"), DEFAULT_PAGE);
      List<Object> items = new ArrayList<>();
      for (ApiKeyProvider p : page.items()) {
        items.add(Map.of("name", p.name(), "credentialProviderArn", p.arn(), "createdTime", p.createdTime(),
            "lastUpdatedTime", p.lastUpdatedTime()));
      }
      return listOutput(items, page.nextToken());
    }
  }

  /** The stored key of a live provider, for the data plane resolving {@code ${arn}} headers. */
  boolean hasApiKey(RequestContext ctx, String providerArn) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      return s.apiKeyProviders.values().stream().anyMatch(p -> p.arn().equals(providerArn) && p.apiKey() != null);
    }
  }

  /**
   * SHA-256 (hex) of the key a live API-key provider stores, for tests that check what a deploy
   * wrote; the key itself never leaves the emulator, as in Token Vault. Empty: no such provider, or
   * its key lives in an external secret.
   */
  Optional<String> apiKeySha256(RequestContext ctx, String name) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      ApiKeyProvider p = s.apiKeyProviders.get(name);
      if (p == null || p.apiKey() == null) return Optional.empty();
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(p.apiKey().getBytes(StandardCharsets.UTF_8));
        return Optional.of(HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A managed key is stored in the vault's own secret; an external one is referenced as given. */
  private ApiKeyProvider withApiKey(RequestContext ctx, ApiKeyProvider p, Map<String, Object> input) {
    String apiKey = (String) input.get("apiKey");
    Map<String, Object> external = Values.map(input.get("apiKeySecretConfig"));
    if (apiKey != null && external != null) {
      throw Errors.invalidField("apiKey", "Specify either apiKey or apiKeySecretConfig, not both.");
    }
    if (external != null) {
      return p.withKey("EXTERNAL", Values.string(external, "secretId"), Values.string(external, "jsonKey"), null, ctx.now());
    }
    if (apiKey == null || apiKey.isEmpty()) throw Errors.invalidField("apiKey", "apiKey must not be empty.");
    String secretArn = p.secretSource() != null && p.secretSource().equals("MANAGED") ? p.secretArn()
        : vaultSecretArn(ctx, "apikey/" + p.name());
    return p.withKey("MANAGED", secretArn, "api_key_value", apiKey, ctx.now());
  }

  private static Map<String, Object> apiKeyOutput(ApiKeyProvider p, boolean withTimes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("apiKeySecretArn", Map.of("secretArn", p.secretArn()));
    Values.putIf(out, "apiKeySecretJsonKey", p.secretJsonKey());
    out.put("apiKeySecretSource", p.secretSource());
    out.put("name", p.name());
    out.put("credentialProviderArn", p.arn());
    if (withTimes) {
      out.put("createdTime", p.createdTime());
      out.put("lastUpdatedTime", p.lastUpdatedTime());
    }
    return out;
  }

  private static ApiKeyProvider apiKeyProvider(AgentCoreState s, String name) {
    ApiKeyProvider p = s.apiKeyProviders.get(name);
    if (p == null) throw Errors.notFound("ApiKeyCredentialProvider not found for " + name);
    return p;
  }

  // ---- OAuth2 ----

  Map<String, Object> createOauth2(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      String name = (String) input.get("name");
      requireFreeName(s.oauth2Providers, name);
      String arn = ctx.arn("bedrock-agentcore", "token-vault/default/oauth2credentialprovider/" + name);
      String callback = "https://bedrock-agentcore." + ctx.region() + ".amazonaws.com/identities/oauth2/callback/" + ids.uuid();
      OAuth2Provider p = oauth2(ctx, name, arn, vaultSecretArn(ctx, "oauth2/" + name), callback, ctx.now(), input);
      s.oauth2Providers.put(name, p);
      s.tags.put(arn, Values.tags(input.get("tags")));
      return oauth2Output(p, false);
    }
  }

  Map<String, Object> getOauth2(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      return oauth2Output(oauth2Provider(s, (String) input.get("name")), true);
    }
  }

  Map<String, Object> updateOauth2(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      OAuth2Provider old = oauth2Provider(s, (String) input.get("name"));
      OAuth2Provider p = oauth2(ctx, old.name(), old.arn(), old.secretArn(), old.callbackUrl(), old.createdTime(), input);
      s.oauth2Providers.put(p.name(), p);
      return oauth2Output(p, true);
    }
  }

  Map<String, Object> deleteOauth2(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      OAuth2Provider p = oauth2Provider(s, (String) input.get("name"));
      s.oauth2Providers.remove(p.name());
      s.tags.remove(p.arn());
      return Map.of();
    }
  }

  Map<String, Object> listOauth2(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      List<OAuth2Provider> all = new ArrayList<>(s.oauth2Providers.values());
      Paging.Page<OAuth2Provider> page =
          Paging.page(all, OAuth2Provider::name, input.get("maxResults"), input.get("nextToken"), DEFAULT_PAGE);
      List<Object> items = new ArrayList<>();
      for (OAuth2Provider p : page.items()) {
        items.add(Map.of("name", p.name(), "credentialProviderVendor", p.vendor(), "credentialProviderArn", p.arn(),
            "createdTime", p.createdTime(), "lastUpdatedTime", p.lastUpdatedTime()));
      }
      return listOutput(items, page.nextToken());
    }
  }

  boolean oauth2Exists(RequestContext ctx, String providerArn) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      return s.oauth2Providers.values().stream().anyMatch(p -> p.arn().equals(providerArn));
    }
  }

  private static OAuth2Provider oauth2(RequestContext ctx, String name, String arn, String secretArn, String callback,
      java.time.Instant created, Map<String, Object> input) {
    String vendor = (String) input.get("credentialProviderVendor");
    Map<String, Object> union = Values.map(input.get("oauth2ProviderConfigInput"));
    String member = configMember(vendor);
    Map<String, Object> config = union == null ? null : Values.map(union.get(member));
    if (config == null) {
      throw Errors.invalidField("oauth2ProviderConfigInput",
          "Vendor " + vendor + " requires oauth2ProviderConfigInput." + member + ".");
    }
    Map<String, Object> kept = Values.copy(config);
    String clientSecret = (String) kept.get("clientSecret");
    kept.keySet().removeAll(SECRET_MEMBERS);
    return new OAuth2Provider(name, arn, secretArn, vendor, member, kept, clientSecret, callback, created, ctx.now());
  }

  /** The config union member a vendor is configured with: its own for the big ones, the generic one otherwise. */
  private static String configMember(String vendor) {
    return switch (vendor) {
      case "CustomOauth2" -> "customOauth2ProviderConfig";
      case "GoogleOauth2" -> "googleOauth2ProviderConfig";
      case "GithubOauth2" -> "githubOauth2ProviderConfig";
      case "SlackOauth2" -> "slackOauth2ProviderConfig";
      case "SalesforceOauth2" -> "salesforceOauth2ProviderConfig";
      case "MicrosoftOauth2" -> "microsoftOauth2ProviderConfig";
      case "AtlassianOauth2" -> "atlassianOauth2ProviderConfig";
      case "LinkedinOauth2" -> "linkedinOauth2ProviderConfig";
      default -> "includedOauth2ProviderConfig";
    };
  }

  private static Map<String, Object> oauth2Output(OAuth2Provider p, boolean withDetails) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clientSecretArn", Map.of("secretArn", p.secretArn()));
    out.put("name", p.name());
    out.put("credentialProviderArn", p.arn());
    out.put("callbackUrl", p.callbackUrl());
    out.put("oauth2ProviderConfigOutput", Map.of(p.configMember(), configOutput(p)));
    out.put("status", "READY");
    if (withDetails) {
      out.put("credentialProviderVendor", p.vendor());
      out.put("createdTime", p.createdTime());
      out.put("lastUpdatedTime", p.lastUpdatedTime());
    }
    return out;
  }

  /** Custom providers echo their discovery; the generic one describes its endpoints as server metadata. */
  private static Map<String, Object> configOutput(OAuth2Provider p) {
    Map<String, Object> c = p.config();
    Map<String, Object> out = new LinkedHashMap<>();
    Values.putIf(out, "clientId", c.get("clientId"));
    if (c.get("oauthDiscovery") != null) {
      out.put("oauthDiscovery", Values.copy(c.get("oauthDiscovery")));
    } else if (c.get("issuer") != null) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      for (String k : List.of("issuer", "authorizationEndpoint", "tokenEndpoint")) Values.putIf(metadata, k, c.get(k));
      out.put("oauthDiscovery", Map.of("authorizationServerMetadata", metadata));
    }
    Values.putIf(out, "clientAuthenticationMethod", c.get("clientAuthenticationMethod"));
    return out;
  }

  private static OAuth2Provider oauth2Provider(AgentCoreState s, String name) {
    OAuth2Provider p = s.oauth2Providers.get(name);
    if (p == null) throw Errors.notFound("Oauth2CredentialProvider not found for " + name);
    return p;
  }

  // ---- shared ----

  private static void requireFreeName(Map<String, ?> providers, String name) {
    if (providers.containsKey(name)) {
      throw Errors.invalid("ResourceConflict", "Credential provider with name: " + name + " already exists");
    }
  }

  private String vaultSecretArn(RequestContext ctx, String path) {
    return ctx.arn("secretsmanager", "secret:bedrock-agentcore-identity!default/" + path + "-" + ids.alnum(6));
  }

  private static Map<String, Object> listOutput(List<Object> items, String nextToken) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("credentialProviders", items);
    Values.putIf(out, "nextToken", nextToken);
    return out;
  }
}
