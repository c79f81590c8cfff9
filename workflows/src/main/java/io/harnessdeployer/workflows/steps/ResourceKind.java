package io.harnessdeployer.workflows.steps;

import static io.harnessdeployer.workflows.steps.OwnershipRule.ADOPTS_UNTAGGED;
import static io.harnessdeployer.workflows.steps.OwnershipRule.TAGGED_ONLY;

/**
 * The kinds of resource an ensure adopts or writes, each with its one ownership rule: the graph's
 * nodes declare them, ensures and the preflight check judge live tags by them.
 *
 * @param kind the report kind ({@code Node.kind}); roles share one
 * @param title how an error names it
 * @param nameFlag the client option (or {@code .env} key) that renames it: the way out of a conflict
 */
public enum ResourceKind {
  SECRET("secret", "secret", TAGGED_ONLY, "--secret-name"),
  BYO_SECRET("secret", "bring-your-own secret", ADOPTS_UNTAGGED, "ZSCALER_SECRET_NAME"),
  TASK_EXECUTION_ROLE("iam-role", "IAM role", TAGGED_ONLY, "--ecs-execution-role-name"),
  INFRASTRUCTURE_ROLE("iam-role", "IAM role", TAGGED_ONLY, "--ecs-infrastructure-role-name"),
  HARNESS_ROLE("iam-role", "IAM role", TAGGED_ONLY, "--role-name"),
  CLUSTER("ecs-cluster", "ECS cluster", ADOPTS_UNTAGGED, "--ecs-cluster-name"),
  LOG_GROUP("log-group", "log group", TAGGED_ONLY, "--ecs-log-group"),
  SERVICE("ecs-service", "ECS Express service", TAGGED_ONLY, "--ecs-service-name"),
  API_KEY_PROVIDER("api-key-provider", "Token Vault API-key provider", TAGGED_ONLY, "--credential-provider-name"),
  HARNESS("harness", "harness", TAGGED_ONLY, "--harness-name"),
  // gateway topology (spec §1.2). What Cognito or AgentCore cannot tag (resource server, app
  // client, domain, gateway target) is judged by the tags of what it lives in (pool, gateway).
  USER_POOL("cognito-user-pool", "Cognito user pool", TAGGED_ONLY, "--cognito-user-pool-name"),
  RESOURCE_SERVER("cognito-resource-server", "Cognito resource server", TAGGED_ONLY,
      "--cognito-resource-server-identifier"),
  APP_CLIENT("cognito-app-client", "Cognito app client", TAGGED_ONLY, "--cognito-app-client-name"),
  USER_POOL_DOMAIN("cognito-domain", "Cognito domain", TAGGED_ONLY, "--cognito-domain-prefix"),
  OAUTH2_PROVIDER("oauth2-provider", "Token Vault OAuth2 provider", TAGGED_ONLY, "--oauth-provider-name"),
  RUNTIME_ROLE("iam-role", "IAM role", TAGGED_ONLY, "--runtime-execution-role-name"),
  RUNTIME("agentcore-runtime", "AgentCore Runtime", TAGGED_ONLY, "--runtime-name"),
  GATEWAY_ROLE("iam-role", "IAM role", TAGGED_ONLY, "--gateway-role-name"),
  GATEWAY("agentcore-gateway", "AgentCore Gateway", TAGGED_ONLY, "--gateway-name"),
  GATEWAY_TARGET("gateway-target", "AgentCore Gateway target", TAGGED_ONLY, "--gateway-target-name");

  private final String kind;
  private final String title;
  private final OwnershipRule rule;
  private final String nameFlag;

  ResourceKind(String kind, String title, OwnershipRule rule, String nameFlag) {
    this.kind = kind;
    this.title = title;
    this.rule = rule;
    this.nameFlag = nameFlag;
  }

  public String kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public OwnershipRule rule() {
    return rule;
  }

  public String nameFlag() {
    return nameFlag;
  }
}
