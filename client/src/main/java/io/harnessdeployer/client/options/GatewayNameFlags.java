package io.harnessdeployer.client.options;

import io.harnessdeployer.workflows.common.Names;
import picocli.CommandLine.Option;

/**
 * The gateway topology's resource names (spec §1.3), for deploy, destroy, drift and plan; resolved
 * like {@link ResourceNameFlags} (flag → environment → {@code .env} → the deployment's own). The
 * ecs topology ignores them.
 */
public final class GatewayNameFlags {
  private static final String DEFAULT = "the deployment's own; without --name ";

  @Option(names = "--runtime-name", paramLabel = "NAME",
      description = "Gateway topology: AgentCore Runtime (default: RUNTIME_NAME, else " + DEFAULT + Names.RUNTIME_NAME + ").")
  String runtimeName;

  @Option(names = "--runtime-execution-role-name", paramLabel = "NAME",
      description = "Gateway topology: Runtime execution role (default: RUNTIME_EXECUTION_ROLE_NAME, else " + DEFAULT
          + Names.RUNTIME_ROLE + ").")
  String runtimeRoleName;

  @Option(names = "--gateway-name", paramLabel = "NAME",
      description = "Gateway topology: AgentCore Gateway (default: GATEWAY_NAME, else " + DEFAULT + Names.GATEWAY_NAME + ").")
  String gatewayName;

  @Option(names = "--gateway-target-name", paramLabel = "NAME",
      description = "Gateway topology: the gateway's target (default: GATEWAY_TARGET_NAME, else " + Names.GATEWAY_TARGET + ").")
  String gatewayTargetName;

  @Option(names = "--gateway-role-name", paramLabel = "NAME",
      description = "Gateway topology: Gateway service role (default: GATEWAY_ROLE_NAME, else " + DEFAULT
          + Names.GATEWAY_ROLE + ").")
  String gatewayRoleName;

  @Option(names = "--oauth-provider-name", paramLabel = "NAME",
      description = "Gateway topology: Token Vault OAuth2 provider (default: OAUTH_PROVIDER_NAME, else " + DEFAULT
          + Names.OAUTH_PROVIDER + ").")
  String oauthProviderName;

  @Option(names = "--cognito-user-pool-name", paramLabel = "NAME",
      description = "Gateway topology: Cognito user pool (default: COGNITO_USER_POOL_NAME, else " + DEFAULT
          + Names.COGNITO_USER_POOL + ").")
  String userPoolName;

  @Option(names = "--cognito-resource-server-identifier", paramLabel = "ID",
      description = "Gateway topology: Cognito resource server, the scope's prefix (default:"
          + " COGNITO_RESOURCE_SERVER_IDENTIFIER, else " + Names.COGNITO_RESOURCE_SERVER + ").")
  String resourceServerIdentifier;

  @Option(names = "--cognito-scope-name", paramLabel = "NAME",
      description = "Gateway topology: the custom scope (default: COGNITO_SCOPE_NAME, else " + Names.COGNITO_SCOPE + ").")
  String scopeName;

  @Option(names = "--cognito-app-client-name", paramLabel = "NAME",
      description = "Gateway topology: Cognito app client (default: COGNITO_APP_CLIENT_NAME, else "
          + Names.COGNITO_APP_CLIENT + ").")
  String appClientName;

  @Option(names = "--cognito-domain-prefix", paramLabel = "PREFIX",
      description = "Gateway topology: Cognito domain prefix; -<account> is always appended (default:"
          + " COGNITO_DOMAIN_PREFIX, else " + DEFAULT + Names.COGNITO_DOMAIN_PREFIX + ").")
  String domainPrefix;

  public String runtimeName() { return runtimeName; }
  public String runtimeRoleName() { return runtimeRoleName; }
  public String gatewayName() { return gatewayName; }
  public String gatewayTargetName() { return gatewayTargetName; }
  public String gatewayRoleName() { return gatewayRoleName; }
  public String oauthProviderName() { return oauthProviderName; }
  public String userPoolName() { return userPoolName; }
  public String resourceServerIdentifier() { return resourceServerIdentifier; }
  public String scopeName() { return scopeName; }
  public String appClientName() { return appClientName; }
  public String domainPrefix() { return domainPrefix; }
}
