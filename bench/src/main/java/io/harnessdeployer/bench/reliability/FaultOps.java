package io.harnessdeployer.bench.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every AWS operation one clean deploy calls, per topology, read off the emulator's request log
 * (FaultSection's coverage case checks the table against a clean deploy's log at run time, so an
 * operation added to a deploy cannot go without rows), and the errors FaultSection injects into it.
 */
final class FaultOps {
  static final String SM = "secretsmanager", IAM = "iam", ECS = "ecs", LOGS = "logs", STS = "sts", ECR = "ecr",
      AC = "bedrock-agentcore-control", COG = "cognito-idp", MCP = "mcp";

  private FaultOps() {}

  /** How AWS says "IAM has not propagated the role yet" for this operation; null: it never does. */
  enum Propagation { NONE, ECS_ROLE, AGENTCORE_ROLE }

  /**
   * One operation of one topology's deploy. {@code check}: the preflight activity calls it (one
   * activity, many calls: each failure there costs a whole attempt, so transient cases spread them);
   * {@code advisory}: the deploy goes on without its answer (the ECR image check says SKIPPED).
   */
  record Op(String topology, String service, String operation, Propagation propagation, boolean check,
      boolean advisory) {
    String label() {
      return topology + " " + service + ":" + operation;
    }

    String key() {
      return service + ":" + operation;
    }

    boolean aws() {
      return !service.equals(MCP);
    }

    boolean isCreate() {
      return operation.startsWith("Create");
    }
  }

  private static final List<Op> ALL = new ArrayList<>();

  private static void ops(String topology, String service, String... operations) {
    for (String o : operations) ALL.add(new Op(topology, service, o, Propagation.NONE, false, false));
  }

  /** Called first by the preflight (ownership, topology and image checks), some again later. */
  private static void checks(String topology, String service, String... operations) {
    for (String o : operations) ALL.add(new Op(topology, service, o, Propagation.NONE, true, false));
  }

  private static void assumes(String topology, String service, Propagation p, String... operations) {
    for (String o : operations) ALL.add(new Op(topology, service, o, p, false, false));
  }

  static {
    // ecs topology; the preflight's calls first (the clean deploy's order of first calls)
    checks("ecs", STS, "GetCallerIdentity");
    checks("ecs", SM, "DescribeSecret");
    checks("ecs", IAM, "GetRole");
    checks("ecs", ECS, "DescribeClusters", "ListServices");
    checks("ecs", LOGS, "DescribeLogGroups");
    checks("ecs", AC, "GetApiKeyCredentialProvider", "ListHarnesses");
    // the image architecture check is best effort by design (EcrActivitiesImpl: any error, SKIPPED)
    ALL.add(new Op("ecs", ECR, "BatchGetImage", Propagation.NONE, true, true));
    ops("ecs", SM, "CreateSecret");
    ops("ecs", IAM, "CreateRole", "AttachRolePolicy", "PutRolePolicy");
    ops("ecs", ECS, "CreateCluster", "DescribeExpressGatewayService");
    ops("ecs", LOGS, "CreateLogGroup");
    ops("ecs", AC, "CreateApiKeyCredentialProvider", "GetHarness");
    // ECS assumes the infrastructure (and execution) role on create and on update
    assumes("ecs", ECS, Propagation.ECS_ROLE, "CreateExpressGatewayService", "UpdateExpressGatewayService");
    assumes("ecs", AC, Propagation.AGENTCORE_ROLE, "CreateHarness");
    ops("ecs", MCP, "/health");
    // gateway topology
    checks("gateway", STS, "GetCallerIdentity");
    checks("gateway", SM, "DescribeSecret", "ListSecrets");
    checks("gateway", COG, "ListUserPools", "DescribeUserPoolDomain");
    checks("gateway", IAM, "GetRole", "ListRoles");
    checks("gateway", ECS, "ListClusters", "ListServices");
    checks("gateway", LOGS, "DescribeLogGroups");
    checks("gateway", AC, "GetOauth2CredentialProvider", "ListAgentRuntimes", "ListGateways", "ListHarnesses",
        "ListApiKeyCredentialProviders");
    ops("gateway", SM, "CreateSecret");
    ops("gateway", COG, "CreateUserPool", "DescribeUserPool", "DescribeResourceServer", "CreateUserPoolDomain",
        "CreateResourceServer", "ListUserPoolClients", "CreateUserPoolClient");
    ops("gateway", IAM, "CreateRole", "PutRolePolicy");
    ops("gateway", AC, "CreateOauth2CredentialProvider", "GetAgentRuntime", "GetGateway", "ListTagsForResource",
        "ListGatewayTargets", "CreateGatewayTarget", "GetGatewayTarget", "GetHarness");
    // AgentCore assumes the runtime, gateway and harness roles synchronously on create
    assumes("gateway", AC, Propagation.AGENTCORE_ROLE, "CreateAgentRuntime", "CreateGateway", "CreateHarness");
  }

  /** Preflight calls one transient case may fail: each costs the preflight a retry with backoff. */
  static final int CHECKS_PER_DEPLOY = 3;

  /**
   * The topology's operations in groups, one group per transient deploy: at most
   * {@link #CHECKS_PER_DEPLOY} preflight calls each, the other operations dealt round.
   */
  static List<List<Op>> transientGroups(String topology) {
    List<Op> checks = of(topology).stream().filter(Op::check).toList();
    List<Op> rest = of(topology).stream().filter(o -> !o.check()).toList();
    int n = Math.max(1, (checks.size() + CHECKS_PER_DEPLOY - 1) / CHECKS_PER_DEPLOY);
    List<List<Op>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(new ArrayList<>());
    for (int i = 0; i < checks.size(); i++) out.get(i / CHECKS_PER_DEPLOY).add(checks.get(i));
    for (int i = 0; i < rest.size(); i++) out.get(i % n).add(rest.get(i));
    return out;
  }

  static List<Op> of(String topology) {
    return ALL.stream().filter(o -> o.topology().equals(topology)).toList();
  }

  /** {@code service:operation} of every call in a request log. */
  static Set<String> called(List<Map<String, Object>> requests) {
    Set<String> out = new LinkedHashSet<>();
    requests.forEach(r -> out.add(r.get("service") + ":" + r.get("operation")));
    return out;
  }

  /** Throttling as the service words it (http 400; the MCP server's own HTTP: 429). */
  static Map<String, Object> throttling(Op op) {
    String code = switch (op.service()) {
      case IAM, STS -> "Throttling";
      case COG -> "TooManyRequestsException";
      case MCP -> "TooManyRequests";
      default -> "ThrottlingException";
    };
    return Map.of("errorCode", code, "httpStatus", op.service().equals(MCP) ? 429 : 400, "message", "Rate exceeded");
  }

  static Map<String, Object> internalError() {
    return Map.of("errorCode", "InternalFailure", "httpStatus", 500, "message", "injected 500 (reliability suite)");
  }

  /** The words AwsFailures sorts as IamPropagation, as the emulator itself answers them. */
  static Map<String, Object> iamPropagation(Op op) {
    return switch (op.propagation()) {
      case ECS_ROLE -> Map.of("errorCode", "InvalidParameterException", "httpStatus", 400, "message",
          "ECS was unable to assume the role 'arn:aws:iam::123456789012:role/rel' that was provided for this service.");
      case AGENTCORE_ROLE -> Map.of("errorCode", "ValidationException", "httpStatus", 400, "message",
          "Role validation failed for 'arn:aws:iam::123456789012:role/rel'. Verify that the role exists and that"
              + " its trust policy allows bedrock-agentcore.amazonaws.com to assume it.");
      case NONE -> throw new IllegalArgumentException(op.label() + " has no IAM propagation error");
    };
  }

  /** A permanent error: access denied, the way each protocol spells it. */
  static Map<String, Object> accessDenied(Op op) {
    String code = op.service().equals(IAM) || op.service().equals(STS) ? "AccessDenied" : "AccessDeniedException";
    return Map.of("errorCode", code, "httpStatus", 403, "message", "User: arn:aws:iam::123456789012:user/rel is"
        + " not authorized to perform: " + op.service() + ":" + op.operation() + " (injected by the reliability suite)");
  }
}
