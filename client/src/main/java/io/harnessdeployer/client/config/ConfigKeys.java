package io.harnessdeployer.client.config;

/**
 * Settings keys read from flags, the process environment and {@code .env} (spec §1.4). The seed
 * ignored the name keys ({@code HARNESS_NAME} … {@code ECS_LOG_GROUP}) and {@code AWS_PROFILE} in
 * {@code .env} although its sample file documents them (spec Appendix B #2); they are honoured here.
 * So are the gateway topology's ({@code RUNTIME_NAME} … {@code COGNITO_DOMAIN_PREFIX}).
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final String AWS_REGION = "AWS_REGION";
  public static final String AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";
  public static final String AWS_PROFILE = "AWS_PROFILE";
  public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
  /** The role the worker assumes for the whole deployment ({@code --assume-role-arn}). */
  public static final String AWS_ASSUME_ROLE_ARN = "AWS_ASSUME_ROLE_ARN";
  /** The external id that role's trust policy asks for ({@code --external-id}). */
  public static final String AWS_EXTERNAL_ID = "AWS_EXTERNAL_ID";
  public static final String TOPOLOGY = "TOPOLOGY";
  public static final String MCP_URL = "MCP_URL";
  public static final String MODEL_ID = "MODEL_ID";
  public static final String IMAGE_URI = "ZSCALER_MCP_IMAGE_URI";
  public static final String SECRET_NAME = "ZSCALER_SECRET_NAME";

  // the harness's configuration (issue 11)
  public static final String HARNESS_MEMORY = "HARNESS_MEMORY";
  public static final String HARNESS_MEMORY_STRATEGIES = "HARNESS_MEMORY_STRATEGIES";
  public static final String HARNESS_MEMORY_EVENT_EXPIRY_DAYS = "HARNESS_MEMORY_EVENT_EXPIRY_DAYS";
  public static final String HARNESS_MAX_ITERATIONS = "HARNESS_MAX_ITERATIONS";
  public static final String HARNESS_MAX_TOKENS = "HARNESS_MAX_TOKENS";
  public static final String HARNESS_TIMEOUT_SECONDS = "HARNESS_TIMEOUT_SECONDS";
  public static final String HARNESS_ALLOWED_TOOLS = "HARNESS_ALLOWED_TOOLS";
  public static final String HARNESS_SYSTEM_PROMPT_FILE = "HARNESS_SYSTEM_PROMPT_FILE";

  public static final String HARNESS_NAME = "HARNESS_NAME";
  public static final String ROLE_NAME = "ROLE_NAME";
  public static final String CREDENTIAL_PROVIDER_NAME = "CREDENTIAL_PROVIDER_NAME";
  public static final String ECS_CLUSTER_NAME = "ECS_CLUSTER_NAME";
  public static final String ECS_SERVICE_NAME = "ECS_SERVICE_NAME";
  public static final String ECS_EXECUTION_ROLE_NAME = "ECS_EXECUTION_ROLE_NAME";
  public static final String ECS_INFRASTRUCTURE_ROLE_NAME = "ECS_INFRASTRUCTURE_ROLE_NAME";
  public static final String ECS_LOG_GROUP = "ECS_LOG_GROUP";

  public static final String RUNTIME_NAME = "RUNTIME_NAME";
  public static final String RUNTIME_EXECUTION_ROLE_NAME = "RUNTIME_EXECUTION_ROLE_NAME";
  public static final String GATEWAY_NAME = "GATEWAY_NAME";
  public static final String GATEWAY_TARGET_NAME = "GATEWAY_TARGET_NAME";
  public static final String GATEWAY_ROLE_NAME = "GATEWAY_ROLE_NAME";
  public static final String OAUTH_PROVIDER_NAME = "OAUTH_PROVIDER_NAME";
  public static final String COGNITO_USER_POOL_NAME = "COGNITO_USER_POOL_NAME";
  public static final String COGNITO_RESOURCE_SERVER_IDENTIFIER = "COGNITO_RESOURCE_SERVER_IDENTIFIER";
  public static final String COGNITO_SCOPE_NAME = "COGNITO_SCOPE_NAME";
  public static final String COGNITO_APP_CLIENT_NAME = "COGNITO_APP_CLIENT_NAME";
  public static final String COGNITO_DOMAIN_PREFIX = "COGNITO_DOMAIN_PREFIX";
}
