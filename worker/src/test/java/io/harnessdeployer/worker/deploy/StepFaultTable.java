package io.harnessdeployer.worker.deploy;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * For each step of the ecs plan, a non-retryable fault on that step's FIRST AWS call: once, so
 * the compensations and an operator RETRY meet a healthy cloud; the step then has created nothing.
 * The exception is /health: a failing health check is a deadline (its probe retries any error),
 * so that fault stays until {@link EmulatorControl#clearFaults()}.
 */
final class StepFaultTable {
  private static final Map<String, StepFaults.Trigger> FIRST_CALL = new LinkedHashMap<>();

  static {
    put("preflight", "CallerIdentity", any(), "sts", "GetCallerIdentity", "AccessDenied", 403);
    put("secret", "EnsureSecret", any(), "secretsmanager", "DescribeSecret", "AccessDeniedException", 400);
    // the three role steps run at once: each fault names its role
    role("task-execution-role", "EnsureTaskExecutionRole", Names.ECS_TASK_EXECUTION_ROLE);
    role("infrastructure-role", "EnsureInfrastructureRole", Names.ECS_INFRASTRUCTURE_ROLE);
    put("cluster", "EnsureCluster", any(), "ecs", "DescribeClusters", "AccessDeniedException", 400);
    put("log-group", "EnsureLogGroup", any(), "logs", "DescribeLogGroups", "AccessDeniedException", 400);
    put("service", "EnsureService", args -> ((ServiceSpec) args[0]).allowedHost() == null,
        "ecs", "ListServices", "AccessDeniedException", 400);
    put("service-active", "AwaitServiceActive", any(), "ecs", "DescribeExpressGatewayService",
        "AccessDeniedException", 400);
    put("allowed-hosts", "EnsureService", args -> ((ServiceSpec) args[0]).allowedHost() != null,
        "ecs", "ListServices", "AccessDeniedException", 400);
    put("service-rollout", "AwaitServiceRollout", any(), "ecs", "DescribeExpressGatewayService",
        "AccessDeniedException", 400);
    FIRST_CALL.put("health", new StepFaults.Trigger("AwaitHealthy", any(),
        c -> c.fault("mcp", Names.HEALTH_CHECK_PATH, "ServiceUnavailable", 503, null)));
    put("credential-provider", "EnsureApiKeyProvider", any(), "bedrock-agentcore-control",
        "GetApiKeyCredentialProvider", "AccessDeniedException", 403);
    role("harness-role", "EnsureHarnessRole", Names.HARNESS_ROLE);
    put("harness", "EnsureHarness", any(), "bedrock-agentcore-control", "ListHarnesses",
        "AccessDeniedException", 403);
    put("harness-ready", "AwaitHarnessReady", any(), "bedrock-agentcore-control", "GetHarness",
        "AccessDeniedException", 403);
  }

  private StepFaultTable() {}

  static StepFaults.Trigger firstCallOf(String step) {
    StepFaults.Trigger t = FIRST_CALL.get(step);
    if (t == null) {
      throw new IllegalArgumentException("no fault for step " + step);
    }
    return t;
  }

  /** The failure type the workflow reports for the fault of {@code step}. */
  static String failureType(String step) {
    return step.equals("health") ? "Unhealthy" : "AccessDenied";
  }

  private static void put(String step, String activityType, Predicate<Object[]> args, String service,
      String operation, String errorCode, int status) {
    FIRST_CALL.put(step, new StepFaults.Trigger(activityType, args,
        c -> c.fault(service, operation, errorCode, status, 1)));
  }

  private static void role(String step, String activityType, String roleName) {
    FIRST_CALL.put(step, new StepFaults.Trigger(activityType, any(),
        c -> c.fault("iam", "GetRole", roleName, "AccessDenied", 403, 1)));
  }

  private static Predicate<Object[]> any() {
    return args -> true;
  }
}
