package io.harnessdeployer.emulator.services.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.runtime.CloudLookup.TokenGrant;
import io.harnessdeployer.emulator.runtime.EndpointHost.Request;
import io.harnessdeployer.emulator.runtime.EndpointHost.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user pool's hosted OAuth endpoints: {@code POST https://<prefix>.auth.<region>.amazoncognito.com/oauth2/token}
 * (client_credentials only, client authenticated by HTTP Basic or form fields), and on the issuer
 * host {@code /<poolId>/.well-known/openid-configuration} and {@code /<poolId>/.well-known/jwks.json}.
 * Access tokens are RS256 JWTs shaped like Cognito's client-credentials tokens: {@code sub} and
 * {@code client_id} are the app client, {@code scope} is space-separated, and there is no {@code aud}.
 * No {@code scope} parameter grants every scope the client may have; an empty one grants none, and
 * the token then has no {@code scope} claim (what AgentCore gets for a target configured without
 * scopes, spec §3 step 10).
 */
final class OAuthEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AUTH_HOST = Pattern.compile("([a-z0-9-]+)\\.auth\\.([a-z0-9-]+)\\.amazoncognito\\.com");
  private static final Pattern ISSUER_HOST = Pattern.compile("cognito-idp\\.([a-z0-9-]+)\\.amazonaws\\.com");
  private static final Pattern WELL_KNOWN = Pattern.compile("/([\\w-]+_[0-9a-zA-Z]+)/\\.well-known/(openid-configuration|jwks\\.json)");
  private static final Pattern DISCOVERY =
      Pattern.compile("https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/([\\w-]+_[0-9a-zA-Z]+)/\\.well-known/openid-configuration");
  static final int TOKEN_SECONDS = 3600;

  private final CognitoHandler cognito;

  OAuthEndpoints(CognitoHandler cognito) {
    this.cognito = cognito;
  }

  static boolean owns(String host) {
    return AUTH_HOST.matcher(host).matches() || ISSUER_HOST.matcher(host).matches();
  }

  static Optional<String> poolIdOf(String discoveryUrl) {
    Matcher m = discoveryUrl == null ? null : DISCOVERY.matcher(discoveryUrl);
    return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  Response answer(Request req, Instant now) {
    String path = req.path().contains("?") ? req.path().substring(0, req.path().indexOf('?')) : req.path();
    Matcher auth = AUTH_HOST.matcher(req.host());
    if (auth.matches()) {
      if (!path.equals("/oauth2/token")) return Response.json(404, "{\"error\":\"not_found\"}");
      if (!req.method().equals("POST")) return Response.json(405, "{\"error\":\"invalid_request\"}");
      Optional<UserPool> pool = cognito.poolByDomain(auth.group(2), auth.group(1));
      return pool.isEmpty() ? Response.json(404, "{\"error\":\"not_found\"}") : token(pool.get(), req, now);
    }
    Matcher wk = WELL_KNOWN.matcher(path);
    Matcher issuerHost = ISSUER_HOST.matcher(req.host());
    if (!wk.matches() || !issuerHost.matches() || !req.method().equals("GET")) {
      return Response.json(404, "{\"message\":\"Not Found\"}");
    }
    Optional<UserPool> pool = cognito.poolById(wk.group(1)).filter(p -> p.region.equals(issuerHost.group(1)));
    if (pool.isEmpty()) return Response.json(404, "{\"message\":\"User pool " + wk.group(1) + " does not exist.\"}");
    return wk.group(2).equals("jwks.json") ? jwks(pool.get()) : discovery(pool.get());
  }

  private Response token(UserPool pool, Request req, Instant now) {
    if (!header(req, "Content-Type").orElse("").startsWith("application/x-www-form-urlencoded")) return error("invalid_request");
    Map<String, String> form = form(new String(req.body() == null ? new byte[0] : req.body(), StandardCharsets.UTF_8));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return error(form.get("grant_type") == null ? "invalid_request" : "unsupported_grant_type");
    }
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    Optional<String> basic = header(req, "Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
    if (basic.isPresent()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(basic.get().substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return error("invalid_client");
      }
      int colon = pair.indexOf(':');
      if (colon < 0) return error("invalid_client");
      clientId = pair.substring(0, colon);
      secret = pair.substring(colon + 1);
    }
    String scope = form.get("scope");
    List<String> scopes = scope == null ? null : scope.isBlank() ? List.of() : Arrays.asList(scope.trim().split("\\s+"));
    TokenGrant grant = grant(pool, clientId, secret, scopes, now);
    if (grant.error() != null) return error(grant.error());
    return json(200, Map.of("access_token", grant.accessToken(), "expires_in", TOKEN_SECONDS, "token_type", "Bearer"));
  }

  TokenGrant grant(UserPool pool, String clientId, String secret, List<String> scopes, Instant now) {
    AppClient client;
    synchronized (cognito) {
      client = clientId == null ? null : pool.clients.get(clientId);
    }
    if (client == null || client.secret() == null || secret == null || !equal(client.secret(), secret)) {
      return new TokenGrant(null, "invalid_client");
    }
    if (!client.oauthFlows().contains("client_credentials")) return new TokenGrant(null, "unauthorized_client");
    List<String> granted = scopes == null ? client.oauthScopes() : scopes;
    if (!client.oauthScopes().containsAll(granted)) return new TokenGrant(null, "invalid_scope");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", client.clientId());
    claims.put("token_use", "access");
    if (!granted.isEmpty()) claims.put("scope", String.join(" ", granted));
    claims.put("auth_time", now.getEpochSecond());
    claims.put("iss", pool.issuer());
    claims.put("exp", now.getEpochSecond() + client.accessTokenMinutes() * 60L);
    claims.put("iat", now.getEpochSecond());
    claims.put("version", 2);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("client_id", client.clientId());
    return new TokenGrant(pool.key().sign(claims), null);
  }

  Optional<Map<String, Object>> verify(UserPool pool, String token, Instant now) {
    return pool.key().verify(token)
        .filter(c -> pool.issuer().equals(c.get("iss")))
        .filter(c -> "access".equals(c.get("token_use")))
        .filter(c -> c.get("exp") instanceof Number exp && exp.longValue() > now.getEpochSecond());
  }

  private static Response discovery(UserPool pool) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("issuer", pool.issuer());
    d.put("jwks_uri", pool.issuer() + "/.well-known/jwks.json");
    if (pool.domain != null) {
      String base = "https://" + pool.domain + ".auth." + pool.region + ".amazoncognito.com";
      d.put("authorization_endpoint", base + "/oauth2/authorize");
      d.put("token_endpoint", base + "/oauth2/token");
      d.put("userinfo_endpoint", base + "/oauth2/userInfo");
      d.put("revocation_endpoint", base + "/oauth2/revoke");
    }
    d.put("response_types_supported", List.of("code", "token"));
    d.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
    d.put("subject_types_supported", List.of("public"));
    d.put("id_token_signing_alg_values_supported", List.of("RS256"));
    d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    return json(200, d);
  }

  private static Response jwks(UserPool pool) {
    List<Object> keys = new ArrayList<>();
    keys.add(pool.key().jwk());
    return json(200, Map.of("keys", keys));
  }

  private static Response error(String code) {
    return json(400, Map.of("error", code));
  }

  private static Response json(int status, Object body) {
    try {
      return Response.json(status, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<String> header(Request req, String name) {
    if (req.headers() == null) return Optional.empty();
    for (var e : req.headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return Optional.of(e.getValue().get(0));
    }
    return Optional.empty();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }
}
