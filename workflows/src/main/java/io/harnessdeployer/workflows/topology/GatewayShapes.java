package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.GatewaySpec;
import io.harnessdeployer.workflows.steps.GatewayTargetSpec;
import io.harnessdeployer.workflows.steps.JwtAuthorizer;
import io.harnessdeployer.workflows.steps.RuntimeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The desired states of the Runtime, Gateway and target: what their ensures send, as their describes show it. Pure. */
final class GatewayShapes {
  private GatewayShapes() {}

  /** Plaintext credentials are {@code <sealed>} on both sides (the required keys; the others live only sealed). */
  static Map<String, Object> runtime(RuntimeSpec spec) {
    Map<String, String> env = new TreeMap<>(spec.environment());
    if (spec.plaintextCredentials() != null) {
      env.put(Names.KEY_CLIENT_ID, ContainerEnv.SEALED);
      env.put(Names.KEY_CLIENT_SECRET, ContainerEnv.SEALED);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("image", spec.image());
    out.put("roleArn", spec.roleArn());
    out.put("networkMode", Names.RUNTIME_NETWORK_MODE);
    out.put("serverProtocol", Names.RUNTIME_SERVER_PROTOCOL);
    out.put("environment", env);
    out.put("authorizer", authorizer(spec.authorizer()));
    out.put("requestHeaders", List.of(Names.RUNTIME_ALLOWED_HEADER));
    return out;
  }

  static Map<String, Object> gateway(GatewaySpec spec) {
    return Map.of("roleArn", spec.roleArn(), "protocolType", Names.GATEWAY_PROTOCOL,
        "authorizerType", Names.GATEWAY_AUTHORIZER_TYPE, "authorizer", authorizer(spec.authorizer()));
  }

  static Map<String, Object> target(GatewayTargetSpec spec) {
    return Map.of("endpoint", spec.endpoint(), "credentials", Map.of("providerArn", spec.oauthProviderArn(),
        "scopes", spec.scopes(), "grantType", Names.OAUTH_GRANT_CLIENT_CREDENTIALS));
  }

  static Map<String, Object> authorizer(JwtAuthorizer a) {
    return Map.of("discoveryUrl", a.discoveryUrl(), "allowedClients", a.allowedClients(),
        "allowedScopes", a.allowedScopes());
  }
}
