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

  /** Task-definition family ECS Express registers revisions in (spec §7.4). */
  public static String taskDefinitionFamily(String cluster, String service) {
    return cluster + "-" + service;
  }

  // ---- validation patterns (spec §4.5, §2 step 7a) ----
  public static final String HARNESS_NAME_PATTERN = "^[a-zA-Z][a-zA-Z0-9_]{0,39}$";
  public static final String CLUSTER_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$";
  public static final String PROVIDER_NAME_PATTERN = "^[a-zA-Z0-9\\-_]{1,128}$";
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

  // ---- harness (spec §4, §10.3) ----
  public static final String DEFAULT_MODEL_ID = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  public static final List<String> MODEL_CATALOGUE =
      List.of(
          DEFAULT_MODEL_ID,
          "us.anthropic.claude-opus-4-5-20250929-v1:0",
          "us.amazon.nova-pro-v1:0",
          "us.meta.llama3-3-70b-instruct-v1:0");
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
}
