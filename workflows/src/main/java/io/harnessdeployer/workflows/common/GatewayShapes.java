package io.harnessdeployer.workflows.common;

import io.harnessdeployer.workflows.steps.JwtAuthorizer;
import io.harnessdeployer.workflows.steps.RuntimeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What of each gateway-topology resource drift compares (spec §3 steps 6–10), shared by the
 * activities' describes and ensures and the gateway nodes' desired states, as {@link HarnessShape}
 * is for the harness. Pure. The describes add facts no desired state predicts ({@code arn}, {@code
 * id}, {@code url}, {@code clientId} …): shown, not compared. Tags and status are not here: the
 * pool, provider, Runtime and Gateway carry {@code Scope#gatewayTags()} (status READY for the last
 * two and the target); the resource server, app client, domain and target have no tags of their own.
 */
public final class GatewayShapes {
  private GatewayShapes() {}

  /** {@code name}, {@code adminCreateUserOnly}. */
  public static Map<String, Object> userPool(String poolName) {
    return ordered("name", poolName, "adminCreateUserOnly", true);
  }

  /** {@code identifier}, {@code name}, {@code scopes}: [{name, description}]. */
  public static Map<String, Object> resourceServer(String identifier, String scopeName) {
    return ordered("identifier", identifier, "name", Names.COGNITO_RESOURCE_SERVER_NAME,
        "scopes", List.of(scopeEntry(scopeName, Names.COGNITO_SCOPE_DESCRIPTION)));
  }

  public static Map<String, Object> scopeEntry(String name, String description) {
    return ordered("name", name, "description", description);
  }

  /** {@code name}, {@code generateSecret}, {@code oauthFlows}, {@code scopes}, {@code oauthFlowsUserPoolClient}, {@code explicitAuthFlows}. */
  public static Map<String, Object> appClient(String clientName, List<String> scopes) {
    return ordered("name", clientName, "generateSecret", true,
        "oauthFlows", List.of(Names.COGNITO_GRANT_CLIENT_CREDENTIALS), "scopes", sorted(scopes),
        "oauthFlowsUserPoolClient", true, "explicitAuthFlows", List.of(Names.COGNITO_AUTH_FLOW_REFRESH));
  }

  /** {@code domain}, {@code userPool} (the pool's name). */
  public static Map<String, Object> domain(String domain, String poolName) {
    return ordered("domain", domain, "userPool", poolName);
  }

  /** {@code vendor}, {@code discoveryUrl}, {@code clientId}; the client secret is never readable. */
  public static Map<String, Object> oauth2Provider(String discoveryUrl, String clientId) {
    return ordered("vendor", Names.OAUTH_VENDOR_CUSTOM, "discoveryUrl", discoveryUrl, "clientId", clientId);
  }

  /** {@code discoveryUrl}, {@code allowedClients}, {@code allowedScopes} (sorted), {@code allowedAudience} when any. */
  public static Map<String, Object> authorizer(JwtAuthorizer a) {
    return authorizer(a.discoveryUrl(), a.allowedClients(), a.allowedScopes(), List.of());
  }

  public static Map<String, Object> authorizer(String discoveryUrl, List<String> clients, List<String> scopes,
      List<String> audience) {
    Map<String, Object> out = ordered("discoveryUrl", discoveryUrl, "allowedClients", sorted(clients),
        "allowedScopes", sorted(scopes));
    if (audience != null && !audience.isEmpty()) {
      out.put("allowedAudience", sorted(audience)); // we never send one: a live one is an ADD
    }
    return out;
  }

  /**
   * {@code image}, {@code roleArn}, {@code networkMode}, {@code serverProtocol}, {@code environment}
   * (credential values {@link ContainerEnv#SEALED}), {@code authorizer}, {@code requestHeaders}.
   *
   * @param credentialKeys the credential keys the plaintext env holds besides {@code spec.environment()}
   *     (the activity knows them once unsealed; a desired state names the required two)
   */
  public static Map<String, Object> runtime(RuntimeSpec spec, List<String> credentialKeys) {
    Map<String, String> env = new TreeMap<>(spec.environment());
    credentialKeys.forEach(k -> env.put(k, ContainerEnv.SEALED));
    return runtime(spec.image(), spec.roleArn(), Names.RUNTIME_NETWORK_MODE, Names.RUNTIME_SERVER_PROTOCOL, env,
        authorizer(spec.authorizer()), List.of(Names.RUNTIME_ALLOWED_HEADER));
  }

  /** The credential keys a plaintext Runtime's desired state names: the two the sealed payload always has. */
  public static List<String> requiredCredentialKeys(boolean plaintext) {
    return plaintext ? List.of(Names.KEY_CLIENT_ID, Names.KEY_CLIENT_SECRET) : List.of();
  }

  public static Map<String, Object> runtime(String image, String roleArn, String networkMode, String protocol,
      Map<String, String> environment, Map<String, Object> authorizer, List<String> requestHeaders) {
    return ordered("image", image, "roleArn", roleArn, "networkMode", networkMode, "serverProtocol", protocol,
        "environment", new TreeMap<>(ContainerEnv.sealed(environment)), "authorizer", authorizer,
        "requestHeaders", sorted(requestHeaders));
  }

  /** {@code name}, {@code roleArn}, {@code protocolType}, {@code authorizerType}, {@code authorizer}. */
  public static Map<String, Object> gateway(String name, String roleArn, JwtAuthorizer authorizer) {
    return gateway(name, roleArn, Names.GATEWAY_PROTOCOL, Names.GATEWAY_AUTHORIZER_TYPE, authorizer(authorizer));
  }

  public static Map<String, Object> gateway(String name, String roleArn, String protocol, String authorizerType,
      Map<String, Object> authorizer) {
    return ordered("name", name, "roleArn", roleArn, "protocolType", protocol, "authorizerType", authorizerType,
        "authorizer", authorizer);
  }

  /** {@code name}, {@code endpoint}, {@code credentials}: [{type, providerArn, scopes, grantType}]. */
  public static Map<String, Object> target(String name, String endpoint, String providerArn, List<String> scopes) {
    return ordered("name", name, "endpoint", endpoint,
        "credentials", List.of(targetCredential(Names.TARGET_CREDENTIAL_TYPE, providerArn, scopes,
            Names.OAUTH_GRANT_CLIENT_CREDENTIALS)));
  }

  public static Map<String, Object> targetCredential(String type, String providerArn, List<String> scopes,
      String grantType) {
    return ordered("type", type, "providerArn", providerArn, "scopes", sorted(scopes), "grantType", grantType);
  }

  private static List<String> sorted(List<String> values) {
    return values == null ? null : values.stream().sorted().toList();
  }

  /** Insertion-ordered; a null value is left out (Compare treats absent and null alike). */
  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        out.put((String) kv[i], kv[i + 1]);
      }
    }
    return out;
  }
}
