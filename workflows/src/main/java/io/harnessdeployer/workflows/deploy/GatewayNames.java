package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import java.util.Locale;

/**
 * Names of the gateway topology's resources (spec §1.2, §1.3). {@link #defaults()} are the spec's;
 * {@link #forDeployment} derives another deployment's own, as {@link ResourceNames} does. What
 * lives inside a resource of this deployment (the target in its gateway; the resource server,
 * scope and app client in its pool) keeps the spec's name: it cannot clash.
 *
 * @param domainPrefix the flag's value; the domain is {@link Names#cognitoDomain} of it and the account
 */
public record GatewayNames(
    String runtime,
    String runtimeRole,
    String gateway,
    String gatewayTarget,
    String gatewayRole,
    String oauthProvider,
    String userPool,
    String resourceServer,
    String scopeName,
    String appClient,
    String domainPrefix) {

  static final int RUNTIME_MAX = 48;
  static final int GATEWAY_MAX = 100;
  static final int POOL_MAX = 128;
  /** 63, less {@code -<12-digit account>}. */
  static final int DOMAIN_PREFIX_MAX = 63 - 13;

  public static GatewayNames defaults() {
    return new GatewayNames(Names.RUNTIME_NAME, Names.RUNTIME_ROLE, Names.GATEWAY_NAME, Names.GATEWAY_TARGET,
        Names.GATEWAY_ROLE, Names.OAUTH_PROVIDER, Names.COGNITO_USER_POOL, Names.COGNITO_RESOURCE_SERVER,
        Names.COGNITO_SCOPE, Names.COGNITO_APP_CLIENT, Names.COGNITO_DOMAIN_PREFIX);
  }

  /**
   * Each fits its AWS pattern and length for every valid deployment name (see {@link
   * ResourceNames#forDeployment}); a name whose alphabet is narrower (no '-' in a runtime, no '_'
   * or "--" in a gateway, lower case only in a domain) gets the deployment key's hash.
   */
  public static GatewayNames forDeployment(DeploymentKey key) {
    String n = key.name();
    if (ResourceNames.isDefaultDeployment(n)) {
      return defaults();
    }
    String id = key.tagValue();
    boolean upper = !n.equals(n.toLowerCase(Locale.ROOT));
    String roleCore = n + "-" + key.region();
    String hyphens = hyphenated(n);
    String lower = hyphens.toLowerCase(Locale.ROOT);
    return new GatewayNames(
        NameFitter.fit("zscaler_mcp_", n.replace('-', '_'), "_runtime", RUNTIME_MAX, '_', n.contains("-"),
            id + "#runtime"),
        NameFitter.fit("zscaler-mcp-", roleCore, "-runtime-role", ResourceNames.ROLE_MAX, '-', upper,
            id + "#runtime-role"),
        single(NameFitter.fit("zscaler-mcp-", hyphens, "-gateway", GATEWAY_MAX, '-', !hyphens.equals(n),
            id + "#gateway")),
        Names.GATEWAY_TARGET,
        NameFitter.fit("zscaler-mcp-", roleCore, "-gateway-role", ResourceNames.ROLE_MAX, '-', upper,
            id + "#gateway-role"),
        NameFitter.fit("zscaler-mcp-", n, "-cognito-oauth", ResourceNames.PROVIDER_MAX, '-', false,
            id + "#oauth-provider"),
        NameFitter.fit("zscaler-mcp-harness-", n, "-up", POOL_MAX, '-', false, id + "#user-pool"),
        Names.COGNITO_RESOURCE_SERVER,
        Names.COGNITO_SCOPE,
        Names.COGNITO_APP_CLIENT,
        single(NameFitter.fit("zscaler-mcp-harness-", lower, "", DOMAIN_PREFIX_MAX, '-', !lower.equals(n),
            id + "#domain")));
  }

  /** '_' as '-', no "--", no trailing '-' (gateway names; Cognito domains end alphanumeric). */
  private static String hyphenated(String name) {
    String h = single(name.replace('_', '-'));
    return h.endsWith("-") ? h.substring(0, h.length() - 1) : h;
  }

  private static String single(String name) {
    return name.replaceAll("-{2,}", "-");
  }

  /** {@code <identifier>/<scope>}: the one scope the client, authorizers and target use. */
  public String cognitoScope() {
    return Names.cognitoScope(resourceServer, scopeName);
  }

  public String domain(String account) {
    return Names.cognitoDomain(domainPrefix, account);
  }
}
