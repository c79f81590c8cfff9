package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.CloudLookup.TokenGrant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Gateway reaches a target's MCP server, both for the target's creation-time connectivity check
 * and for every gateway invocation. The only servers inside the emulated cloud are this account's
 * Runtimes, addressed as {@code https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<url-encoded
 * arn>/invocations?qualifier=DEFAULT}. The gateway takes a token through the target's OAuth
 * credential provider (client_credentials, the target's scopes), the Runtime's inbound JWT authorizer
 * checks it, and the container must have its Zscaler credentials (env or {@code ZSCALER_SECRET_NAME}).
 */
final class RuntimeReach {
  private static final Pattern RUNTIME_URL =
      Pattern.compile("https://bedrock-agentcore\\.([a-z0-9-]+)\\.amazonaws\\.com/runtimes/([^/?]+)/invocations/?(\\?.*)?");
  private static final List<String> CREDENTIALS = List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET");

  private final CloudLookup cloud;

  RuntimeReach(CloudLookup cloud) {
    this.cloud = cloud;
  }

  /** Why the target's server cannot be reached now, or empty when it answers. Caller holds the state's lock. */
  Optional<String> failure(AgentCoreState s, TargetRecord target, Instant now) {
    Map<String, Object> mcp = Values.map(Values.map(target.targetConfiguration()).get("mcp"));
    Map<String, Object> server = mcp == null ? null : Values.map(mcp.get("mcpServer"));
    if (server == null) return Optional.empty(); // Lambda, OpenAPI or Smithy targets need no connection
    String endpoint = Values.string(server, "endpoint");
    Matcher m = RUNTIME_URL.matcher(endpoint);
    Optional<RuntimeRecord> runtime = m.matches()
        ? s.runtimes.values().stream().filter(r -> r.arn.equals(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8))).findFirst()
        : Optional.empty();
    if (runtime.isEmpty()) return Optional.of("Failed to connect to MCP server at " + endpoint + ": no such server.");
    RuntimeRecord r = runtime.get();
    if (!r.life.is("READY")) return Optional.of("MCP server at " + endpoint + " is not available: runtime " + r.id + " is " + r.life.status + ".");
    Map<String, Object> authorizer = Values.map(r.spec().get("authorizerConfiguration"));
    if (authorizer != null) {
      Bearer bearer = token(s, target, now);
      if (bearer.failure() != null) return Optional.of(bearer.failure());
      Optional<String> rejected =
          JwtAuthorizer.reject(cloud, authorizer, bearer.token() == null ? null : "Bearer " + bearer.token(), now);
      if (rejected.isPresent()) {
        return Optional.of("MCP server at " + endpoint + " answered 401 Unauthorized (" + rejected.get() + ").");
      }
    }
    return container(r).map(why -> "MCP server at " + endpoint + " did not start: " + why + ".");
  }

  /** A token from the target's OAuth provider, or why there is none; neither without an OAuth provider. */
  private record Bearer(String token, String failure) {
    @Override
    public String toString() {
      return "Bearer[" + (token == null ? failure : "***") + "]";
    }
  }

  private Bearer token(AgentCoreState s, TargetRecord target, Instant now) {
    for (Object c : target.credentialProviderConfigurations()) {
      Map<String, Object> config = Values.map(c);
      if (!"OAUTH".equals(Values.string(config, "credentialProviderType"))) continue;
      Map<String, Object> oauth = Values.map(Values.map(config.get("credentialProvider")).get("oauthCredentialProvider"));
      String providerArn = Values.string(oauth, "providerArn");
      Optional<OAuth2Provider> provider = s.oauth2Providers.values().stream().filter(p -> p.arn().equals(providerArn)).findFirst();
      if (provider.isEmpty()) return new Bearer(null, "OAuth2 credential provider " + providerArn + " not found.");
      Map<String, Object> discovery = Values.map(provider.get().config().get("oauthDiscovery"));
      List<String> scopes = Values.list(oauth.get("scopes")).stream().map(Object::toString).toList();
      TokenGrant grant = cloud.clientCredentials(Values.string(discovery, "discoveryUrl"),
          Values.string(provider.get().config(), "clientId"), provider.get().clientSecret(), scopes, now);
      if (grant.error() != null) {
        return new Bearer(null, "Failed to obtain an OAuth2 token from credential provider " + providerArn + ": " + grant.error() + ".");
      }
      return new Bearer(grant.accessToken(), null);
    }
    return new Bearer(null, null);
  }

  /** The simulated container needs Zscaler credentials, from its environment or the secret it names. */
  private Optional<String> container(RuntimeRecord r) {
    Map<String, Object> env = Values.map(r.spec().get("environmentVariables"));
    String secretName = Values.string(env, "ZSCALER_SECRET_NAME");
    if (secretName != null) {
      Optional<Map<String, String>> secret = cloud.secretJson(r.accountId, r.region, secretName);
      if (secret.isEmpty()) return Optional.of("secret " + secretName + " cannot be read");
      if (!secret.get().keySet().containsAll(CREDENTIALS)) return Optional.of("secret " + secretName + " lacks the Zscaler credentials");
      return Optional.empty();
    }
    boolean inEnv = env != null && CREDENTIALS.stream().allMatch(k -> env.get(k) != null && !env.get(k).toString().isEmpty());
    return inEnv ? Optional.empty() : Optional.of("no Zscaler credentials reached the container");
  }
}
