package io.harnessdeployer.workflows.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every spec constant in one place (seed spec §10, §4, §5, §6): resource names, tags, policy names,
 * managed policies, container defaults, timeouts and poll intervals; plus our own ownership tags.
 * Nothing here is a secret.
 */
public final class Names {
  private Names() {}

  // ---- defaults of user-visible names (spec §10.1) ----
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String HARNESS_NAME = "zscaler_mcp_harness";
  public static final String HARNESS_ROLE = "zscaler-mcp-harness-execution-role";
  public static final String API_KEY_PROVIDER = "zscaler-mcp-creds";
  public static final String HARNESS_TOOL_NAME = "zscaler";
  public static final String ECS_CLUSTER = "zscaler-mcp";
  public static final String ECS_SERVICE = "zscaler-mcp-server";
  public static final String ECS_TASK_EXECUTION_ROLE = "zscaler-mcp-ecs-task-execution-role";
  public static final String ECS_INFRASTRUCTURE_ROLE = "zscaler-mcp-ecs-infrastructure-role";
  public static final String ECS_LOG_GROUP = "/ecs/zscaler-mcp";
  public static final String ECS_LOG_STREAM_PREFIX = "mcp";
  public static final String SECRET_NAME = "zscaler-mcp-harness/credentials";
  public static final String HARNESS_RUNTIME_LOG_PREFIX = "/aws/bedrock-agentcore/runtimes/";

  // ---- gateway topology defaults (spec §1.2, §1.3, §10.1) ----
  public static final String TOPOLOGY_ECS = "ecs";
  public static final String TOPOLOGY_GATEWAY = "gateway";
  public static final String RUNTIME_NAME = "zscaler_mcp_runtime";
  public static final String RUNTIME_ROLE = "zscaler-mcp-harness-runtime-role";
  public static final String GATEWAY_NAME = "zscaler-mcp-gateway";
  public static final String GATEWAY_TARGET = "zscaler-mcp-runtime";
  public static final String GATEWAY_ROLE = "zscaler-mcp-harness-gateway-role";
  public static final String OAUTH_PROVIDER = "zscaler-mcp-cognito-oauth";
  public static final String COGNITO_USER_POOL = "zscaler-mcp-harness-up";
  public static final String COGNITO_RESOURCE_SERVER = "zscaler-mcp";
  public static final String COGNITO_RESOURCE_SERVER_NAME = "Zscaler MCP";
  public static final String COGNITO_SCOPE = "invoke";
  public static final String COGNITO_SCOPE_DESCRIPTION = "Invoke the MCP server";
  public static final String COGNITO_APP_CLIENT = "zscaler-mcp-harness-client";
  /** The tool always appends {@code -<account>} (spec §3 step 6.4). */
  public static final String COGNITO_DOMAIN_PREFIX = "zscaler-mcp-harness";
  public static final String COGNITO_GRANT_CLIENT_CREDENTIALS = "client_credentials";
  public static final String COGNITO_AUTH_FLOW_REFRESH = "ALLOW_REFRESH_TOKEN_AUTH";
  public static final String OAUTH_VENDOR_CUSTOM = "CustomOauth2";
  public static final String OAUTH_GRANT_CLIENT_CREDENTIALS = "CLIENT_CREDENTIALS";
  public static final String RUNTIME_QUALIFIER = "DEFAULT";
  public static final String RUNTIME_NETWORK_MODE = "PUBLIC";
  public static final String RUNTIME_SERVER_PROTOCOL = "MCP";
  public static final String GATEWAY_PROTOCOL = "MCP";
  public static final String GATEWAY_AUTHORIZER_TYPE = "CUSTOM_JWT";
  public static final String TARGET_LISTING_MODE = "DEFAULT";
  public static final String TARGET_CREDENTIAL_TYPE = "OAUTH";
  /** The header the Runtime forwards to the container (spec §3 step 8.3). */
  public static final String RUNTIME_ALLOWED_HEADER = "Authorization";
  public static final String DESCRIPTION_GATEWAY = "Zscaler MCP Server — AgentCore Gateway (Cognito-fronted)";
  public static final String DESCRIPTION_GATEWAY_TARGET =
      "Zscaler MCP Server runtime — invoked via OAuth2 client_credentials";
  public static final String TAG_TOPOLOGY = "topology";
  public static final String TAG_TOPOLOGY_VALUE = TOPOLOGY_GATEWAY;

  /** {@code <prefix>-<account>} (spec §3 step 6.4). */
  public static String cognitoDomain(String prefix, String account) {
    return prefix + "-" + account;
  }

  /** {@code <identifier>/<scope>}, e.g. {@code zscaler-mcp/invoke}. */
  public static String cognitoScope(String identifier, String scopeName) {
    return identifier + "/" + scopeName;
  }

  public static String cognitoIssuer(String region, String poolId) {
    return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
  }

  public static String cognitoDiscoveryUrl(String region, String poolId) {
    return cognitoIssuer(region, poolId) + "/.well-known/openid-configuration";
  }

  /** Informational only (spec §3 step 6.5). */
  public static String cognitoTokenUrl(String domain, String region) {
    return "https://" + domain + ".auth." + region + ".amazoncognito.com/oauth2/token";
  }

  /**
   * The Runtime's MCP URL (spec §3 step 8.7): the whole ARN percent-encoded with no safe
   * characters, the region its 4th field; an unparseable ARN gives "".
   */
  public static String runtimeMcpUrl(String runtimeArn) {
    String[] parts = runtimeArn == null ? new String[0] : runtimeArn.split(":", -1);
    if (parts.length < 6 || parts[3].isEmpty()) {
      return "";
    }
    String encoded = java.net.URLEncoder.encode(runtimeArn, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20").replace("*", "%2A");
    return "https://bedrock-agentcore." + parts[3] + ".amazonaws.com/runtimes/" + encoded
        + "/invocations?qualifier=" + RUNTIME_QUALIFIER;
  }

  /** Task-definition family ECS Express registers revisions in (spec §7.4). */
  public static String taskDefinitionFamily(String cluster, String service) {
    return cluster + "-" + service;
  }

  // ---- validation patterns (spec §4.5, §2 step 7a) ----
  public static final String HARNESS_NAME_PATTERN = "^[a-zA-Z][a-zA-Z0-9_]{0,39}$";
  public static final String CLUSTER_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$";
  public static final String PROVIDER_NAME_PATTERN = "^[a-zA-Z0-9\\-_]{1,128}$";
  public static final String RUNTIME_NAME_PATTERN = "^[a-zA-Z][a-zA-Z0-9_]{0,47}$";
  public static final String GATEWAY_NAME_PATTERN = "^([0-9a-zA-Z][-]?){1,100}$";
  /** Cognito domain prefixes; {@code -<account>} (13 characters) is appended to the flag's value. */
  public static final String COGNITO_DOMAIN_PATTERN = "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$";
  public static final String COGNITO_POOL_NAME_PATTERN = "^[\\w\\s+=,.@-]{1,128}$";
  /** Deployment names double as tag values and workflow-id parts: keep them plain. */
  public static final String DEPLOYMENT_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";
  public static final String REGION_PATTERN = "^[a-z]{2}(-[a-z]+)+-\\d+$";
  /** IAM role names (IAM: RoleName); unique case-insensitively across the account. */
  public static final String ROLE_NAME_PATTERN = "^[\\w+=,.@-]{1,64}$";
  public static final String LOG_GROUP_PATTERN = "^[.\\-_/#A-Za-z0-9]{1,512}$";
  public static final String SECRET_NAME_PATTERN = "^[A-Za-z0-9/_+=.@-]{1,512}$";
  /** The deployment whose resources keep the spec's names (§10.1): the default harness name. */
  public static final String DEFAULT_DEPLOYMENT = HARNESS_NAME;

  // ---- tags (spec "Tags (std)") and our ownership tags ----
  public static final String TAG_MANAGED_BY = "managed-by";
  public static final String TAG_MANAGED_BY_VALUE = "zscaler-mcp-harness";
  public static final String TAG_INTEGRATION = "integration";
  public static final String TAG_INTEGRATION_VALUE = "harness";
  /** Value {@code <region>/<deployment name>}: what destroy may delete. */
  public static final String TAG_DEPLOYMENT = "harness-deployer:deployment";
  /** Value: the Temporal run id of the deploy that created the resource: what rollback may delete. */
  public static final String TAG_RUN = "harness-deployer:run";
  /**
   * On the managed secret, value: the id of the version the last deploy wrote or found holding its
   * credentials, so drift can tell a value changed outside the deploy without reading the value.
   */
  public static final String TAG_SECRET_VERSION = "harness-deployer:secret-version";
  /** A managed secret's {@code currentVersion} when AWSCURRENT is the version a deploy recorded. */
  public static final String SECRET_VERSION_DEPLOYED = "deployed";

  public static Map<String, String> standardTags() {
    return Map.of(TAG_MANAGED_BY, TAG_MANAGED_BY_VALUE, TAG_INTEGRATION, TAG_INTEGRATION_VALUE);
  }

  // ---- IAM (spec §4.6, §5) ----
  public static final String POLICY_HARNESS_INLINE = "HarnessInlinePolicy";
  public static final String POLICY_CROSS_ACCOUNT_ECR_PULL = "CrossAccountEcrPull";
  public static final String POLICY_READ_ZSCALER_SECRETS = "ReadZscalerSecrets";
  public static final String POLICY_RUNTIME_INLINE = "ZscalerRuntimeInline";
  public static final String POLICY_GATEWAY_INLINE = "ZscalerGatewayInline";
  public static final String DESCRIPTION_RUNTIME_ROLE = "Execution role for the Zscaler MCP Server on AgentCore Runtime";
  public static final String DESCRIPTION_GATEWAY_ROLE =
      "Service role used by AgentCore Gateway to invoke the Zscaler MCP Runtime";
  public static final String MANAGED_POLICY_TASK_EXECUTION =
      "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
  public static final String MANAGED_POLICY_INFRASTRUCTURE =
      "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices";
  public static final String PRINCIPAL_AGENTCORE = "bedrock-agentcore.amazonaws.com";
  public static final String PRINCIPAL_ECS_TASKS = "ecs-tasks.amazonaws.com";
  public static final String PRINCIPAL_ECS = "ecs.amazonaws.com";
  public static final String DESCRIPTION_HARNESS_ROLE =
      "Execution role for Zscaler MCP AgentCore Harness";
  public static final String DESCRIPTION_TASK_EXECUTION_ROLE =
      "Task execution role for Zscaler MCP ECS Express service";
  public static final String DESCRIPTION_INFRASTRUCTURE_ROLE =
      "Infrastructure role for the Zscaler MCP ECS Express service: manages its ALB, target groups,"
          + " security groups and auto-scaling";
  /** Fixed wait after creating a role before anything assumes it (spec §10.4). */
  public static final Duration IAM_PROPAGATION = Duration.ofSeconds(10);

  // ---- Secrets Manager (spec §6) ----
  /** The credential keys, in the order the secret payload lists them. Only ever travel sealed. */
  public static final List<String> CREDENTIAL_KEYS =
      List.of(
          "ZSCALER_CLIENT_ID",
          "ZSCALER_CLIENT_SECRET",
          "ZSCALER_VANITY_DOMAIN",
          "ZSCALER_CUSTOMER_ID",
          "ZSCALER_CLOUD");
  public static final String KEY_CLIENT_ID = "ZSCALER_CLIENT_ID";
  public static final String KEY_CLIENT_SECRET = "ZSCALER_CLIENT_SECRET";
  /** Stripped from the container env in Secrets Manager modes (spec §8a.2). */
  public static final String KEY_SECRET_NAME = "ZSCALER_SECRET_NAME";
  public static final String SECRET_DESCRIPTION =
      "Zscaler OneAPI credentials projected into the Harness MCP server container. Managed by"
          + " harness-deployer";
  public static final int SECRET_RECOVERY_WINDOW_DAYS = 7;

  // ---- container (spec §10.2, §8a) ----
  public static final String DEFAULT_IMAGE =
      "709825985650.dkr.ecr.us-east-1.amazonaws.com/zscaler/zscaler-mcp-server:0.10.4-bedrock";
  public static final String MARKETPLACE_ACCOUNT = "709825985650";
  public static final int CONTAINER_PORT = 8000;
  public static final String ECS_CPU = "1024";
  public static final String ECS_MEMORY = "2048";
  public static final String HEALTH_CHECK_PATH = "/health";
  /** Container env prefixes passed through from the .env (spec §8a.1). */
  public static final List<String> ENV_PASS_THROUGH_PREFIXES = List.of("ZSCALER_", "FASTMCP_", "MCP_");
  /** Deploy-only keys never passed to the container (spec §8a.1). */
  public static final List<String> ENV_DEPLOY_ONLY_KEYS = List.of("ZSCALER_MCP_IMAGE_URI", "MCP_URL");
  public static final String ENV_NOT_SET = "NOT_SET";
  /**
   * Added when absent. The seed forgets {@code ZSCALER_MCP_ALLOW_HTTP}: behind the ALB the server
   * receives plain HTTP, so it must allow it (the Runtime path of the seed sets it, spec §10.2).
   */
  public static final Map<String, String> ECS_ENV_DEFAULTS =
      Map.of(
          "ZSCALER_MCP_TRANSPORT", "streamable-http",
          "ZSCALER_MCP_HOST", "0.0.0.0",
          "ZSCALER_MCP_PORT", Integer.toString(CONTAINER_PORT),
          "ZSCALER_MCP_ALLOW_HTTP", "true");
  public static final List<String> ECS_ENV_DEFAULT_ORDER =
      List.of("ZSCALER_MCP_TRANSPORT", "ZSCALER_MCP_HOST", "ZSCALER_MCP_PORT", "ZSCALER_MCP_ALLOW_HTTP");
  public static final String ENV_ALLOWED_HOSTS = "ZSCALER_MCP_ALLOWED_HOSTS";
  public static final String ENV_DISABLE_HOST_VALIDATION = "ZSCALER_MCP_DISABLE_HOST_VALIDATION";
  /** Appended to the allowed hosts after the public FQDN (spec §9.6). */
  public static final List<String> ALLOWED_HOSTS_LOCAL = List.of("127.0.0.1:*", "localhost:*");
  /** Added to the Runtime env when absent (spec §3 step 8.2, §10.2), in this order. */
  public static final Map<String, String> RUNTIME_ENV_DEFAULTS = orderedMap(
      "ZSCALER_MCP_TRANSPORT", "streamable-http",
      "ZSCALER_MCP_HOST", "0.0.0.0",
      "ZSCALER_MCP_PORT", Integer.toString(CONTAINER_PORT),
      "ZSCALER_MCP_ALLOW_HTTP", "true",
      ENV_DISABLE_HOST_VALIDATION, "true");

  // ---- harness (spec §4, §10.3) ----
  public static final String DEFAULT_MODEL_ID = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  /**
   * The picker's models, index 0 the default (spec §10.3 with Appendix B #12 fixed: the Opus id with
   * the 20250929 date is no published Bedrock id, so it is gone, and each label names its id's model).
   * The output cap bounds {@code --max-tokens}.
   */
  public static final List<HarnessModel> MODELS =
      List.of(
          new HarnessModel(DEFAULT_MODEL_ID, "Claude Sonnet 4.5 (default)", "Anthropic; one-time use-case form", 64_000),
          new HarnessModel("us.amazon.nova-pro-v1:0", "Amazon Nova Pro", "native Amazon model", 10_000),
          new HarnessModel("us.meta.llama3-3-70b-instruct-v1:0", "Llama 3.3 70B Instruct", "open weights, tool use",
              8_192));
  public static final List<String> MODEL_CATALOGUE = MODELS.stream().map(HarnessModel::id).toList();
  /** A cross-region inference profile id ({@code us.}, {@code eu.}, …) or its ARN: shaped right, not checked. */
  public static final String INFERENCE_PROFILE_PATTERN =
      "^(arn:aws[a-z-]*:bedrock:[a-z0-9-]+:[0-9]{12}:(application-)?inference-profile/.+"
          + "|(us|eu|apac|us-gov|global|jp|au|ca)\\.[a-z0-9-]+\\.[A-Za-z0-9._:-]+)$";
  /** Bounds of {@code --max-tokens} for a model outside {@link #MODELS}. */
  public static final int HARNESS_TOKENS_MAX_UNKNOWN_MODEL = 200_000;
  /** Bounds we set (the API model gives none): an agent loop past these is a typo. */
  public static final int HARNESS_MAX_ITERATIONS_MAX = 1_000;
  /** An AgentCore runtime session lives at most 8 h. */
  public static final int HARNESS_TIMEOUT_SECONDS_MAX = 28_800;
  public static final List<String> HARNESS_DEFAULT_ALLOWED_TOOLS = List.of("*");
  /** HarnessAllowedTool: 1–64 characters. */
  public static final String HARNESS_ALLOWED_TOOL_PATTERN = "^(\\*|@?[^/]+(/[^/]+)?)$";
  public static final int HARNESS_ALLOWED_TOOL_MAX = 64;
  public static final int HARNESS_SYSTEM_PROMPT_MAX_BYTES = 64 * 1024;
  // memory (HarnessMemoryConfiguration)
  public static final String MEMORY_DISABLED = "disabled";
  public static final String MEMORY_MANAGED = "managed";
  public static final String MEMORY_ARN_PATTERN =
      "^arn:aws:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:memory/[a-zA-Z][a-zA-Z0-9-_]{0,99}-[a-zA-Z0-9]{10}$";
  public static final List<String> MEMORY_STRATEGIES = List.of("SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "EPISODIC");
  public static final List<String> MEMORY_DEFAULT_STRATEGIES = List.of("SEMANTIC", "SUMMARIZATION");
  public static final int MEMORY_EXPIRY_DAYS_MIN = 3;
  public static final int MEMORY_EXPIRY_DAYS_MAX = 365;
  public static final int MEMORY_EXPIRY_DAYS_DEFAULT = 30;
  public static final int HARNESS_MAX_TOKENS = 8192;
  public static final double HARNESS_TEMPERATURE = 0.2;
  public static final String MCP_PATH = "/mcp";
  public static final String BASIC_PREFIX = "Basic ";
  public static final String HARNESS_SYSTEM_PROMPT =
      """
      You are a senior Zscaler Zero Trust Exchange administrator assistant. You have one tool: a \
      Zscaler MCP server exposing 200+ read and write operations across ZIA, ZPA, ZDX, ZCC, ZTW, \
      ZIdentity, EASM, Z-Insights and ZMS.
      Rules:
      - Answer in plain language; do not narrate tool plumbing.
      - Treat an empty list result as authoritative: ask the user instead of retrying.
      - List or get before any create or modify. Treat every write as destructive and confirm first.
      - After any ZIA create, update or delete, call zia_activate_configuration().
      - IDs are strings. Never invent one.
      - The visible tool set is the complete, fixed inventory. If a requested service has no tools, \
      say it is not loaded rather than substituting another service's tool.""";

  // ---- timeouts and poll intervals (spec §10.4; the service default is ours: 20 min) ----
  public static final Duration SERVICE_ACTIVE_TIMEOUT = Duration.ofMinutes(20);
  /** Bounds of {@code --timeout}: under a minute no service turns ACTIVE; after 6 h nobody waits. */
  public static final Duration SERVICE_TIMEOUT_MIN = Duration.ofMinutes(1);
  public static final Duration SERVICE_TIMEOUT_MAX = Duration.ofHours(6);
  /** The longest wait after creating a role that a request may ask for. */
  public static final Duration IAM_PROPAGATION_MAX = Duration.ofMinutes(10);
  public static final Duration SERVICE_POLL_INTERVAL = Duration.ofSeconds(10);
  public static final Duration SERVICE_GONE_TIMEOUT = Duration.ofSeconds(900);
  public static final Duration HARNESS_READY_TIMEOUT = Duration.ofSeconds(300);
  public static final Duration HARNESS_POLL_INTERVAL = Duration.ofSeconds(3);
  public static final Duration HARNESS_GONE_TIMEOUT = Duration.ofSeconds(300);
  public static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration HEALTH_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Duration CLUSTER_DELETE_RETRY_INTERVAL = Duration.ofSeconds(15);
  public static final Duration CLUSTER_DELETE_TIMEOUT = Duration.ofSeconds(180);
  public static final Duration AFTER_DELETE_HARNESS = Duration.ofSeconds(5);
  public static final int DELETE_TASK_DEFINITIONS_BATCH = 10;
  // gateway topology (spec §10.4): the seed's fixed sleeps become polls that back off from these
  public static final Duration RUNTIME_READY_TIMEOUT = Duration.ofSeconds(600);
  public static final Duration RUNTIME_POLL_INTERVAL = Duration.ofSeconds(8);
  public static final Duration GATEWAY_READY_TIMEOUT = Duration.ofSeconds(600);
  public static final Duration GATEWAY_POLL_INTERVAL = Duration.ofSeconds(8);
  public static final Duration TARGET_READY_TIMEOUT = Duration.ofSeconds(600);
  public static final Duration TARGET_POLL_INTERVAL = Duration.ofSeconds(8);
  /** A failed target's deletion (spec: every 2 s, 30 tries) and a target draining before its gateway goes. */
  public static final Duration TARGET_GONE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration TARGET_GONE_POLL_INTERVAL = Duration.ofSeconds(2);
  public static final Duration GATEWAY_GONE_TIMEOUT = Duration.ofSeconds(300);
  public static final Duration RUNTIME_GONE_TIMEOUT = Duration.ofSeconds(600);
  /** Domain deletion is eventually consistent (the seed slept 5 s before deleting the pool). */
  public static final Duration DOMAIN_GONE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DOMAIN_GONE_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration GATEWAY_GONE_POLL_INTERVAL = Duration.ofSeconds(2);
  public static final Duration RUNTIME_GONE_POLL_INTERVAL = Duration.ofSeconds(3);
  public static final int COGNITO_LIST_PAGE = 60;
  public static final int OAUTH_PROVIDER_LIST_PAGE = 20;
  public static final int AGENTCORE_LIST_PAGE = 100;

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
