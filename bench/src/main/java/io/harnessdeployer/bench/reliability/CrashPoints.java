package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.GatewayTopology;
import java.util.List;
import java.util.function.Function;

/**
 * Where CrashSection kills the worker: per resource node of each graph, the AWS call that creates
 * it and the one that deletes it; per wait, the call whose answer starts it and the probe it
 * repeats. Node ids are the topologies' own; CrashSection checks the table covers every node.
 */
final class CrashPoints {
  static final String SM = "secretsmanager", IAM = "iam", ECS = "ecs", LOGS = "logs",
      AC = "bedrock-agentcore-control", COG = "cognito-idp", MCP = "mcp";

  private CrashPoints() {}

  /**
   * One AWS call of a node: the emulator service and operation, and (when several calls of that
   * operation run in one deploy, as CreateRole does) the input value that singles it out.
   */
  record Call(String service, String operation, Function<ResourceNames, String> resource) {
    String resource(ResourceNames n) {
      return resource == null ? null : resource.apply(n);
    }
  }

  /** A resource node: its create (null: destroy-only) and its delete. */
  record Resource(String node, Call create, Call delete) {}

  /** A wait: {@code trigger}'s answer is held while the probe is armed (null: no other caller of it). */
  record Wait(String node, String activity, Call trigger, Call probe) {}

  record Topology(String name, List<Resource> resources, List<Wait> deployWaits, List<Wait> destroyWaits) {}

  private static Call call(String service, String operation) {
    return new Call(service, operation, null);
  }

  private static Call role(Function<ResourceNames, String> name, String operation) {
    return new Call(IAM, operation, name);
  }

  private static Resource res(String node, String service, String create, String delete) {
    return new Resource(node, call(service, create), call(service, delete));
  }

  private static Resource role(String node, Function<ResourceNames, String> name) {
    return new Resource(node, role(name, "CreateRole"), role(name, "DeleteRole"));
  }

  static final Topology ECS_TOPOLOGY = new Topology("ecs", List.of(
      res(EcsTopology.SECRET, SM, "CreateSecret", "DeleteSecret"),
      role(EcsTopology.TASK_EXECUTION_ROLE, ResourceNames::taskExecutionRole),
      role(EcsTopology.INFRASTRUCTURE_ROLE, ResourceNames::infrastructureRole),
      res(EcsTopology.CLUSTER, ECS, "CreateCluster", "DeleteCluster"),
      res(EcsTopology.LOG_GROUP, LOGS, "CreateLogGroup", "DeleteLogGroup"),
      res(EcsTopology.SERVICE, ECS, "CreateExpressGatewayService", "DeleteExpressGatewayService"),
      new Resource(EcsTopology.TASK_DEFINITIONS, null, call(ECS, "DeleteTaskDefinitions")),
      res(EcsTopology.PROVIDER, AC, "CreateApiKeyCredentialProvider", "DeleteApiKeyCredentialProvider"),
      role(EcsTopology.HARNESS_ROLE, ResourceNames::harnessRole),
      res(EcsTopology.HARNESS, AC, "CreateHarness", "DeleteHarness")),
      List.of(
          new Wait(EcsTopology.SERVICE_ACTIVE, "AwaitServiceActive", call(ECS, "CreateExpressGatewayService"),
              call(ECS, "DescribeExpressGatewayService")),
          new Wait(EcsTopology.SERVICE_ROLLOUT, "AwaitServiceRollout", call(ECS, "UpdateExpressGatewayService"),
              call(ECS, "DescribeExpressGatewayService")),
          new Wait(EcsTopology.HEALTH, "AwaitHealthy", null, call(MCP, "/health")),
          new Wait(EcsTopology.HARNESS_READY, "AwaitHarnessReady", call(AC, "CreateHarness"), call(AC, "GetHarness"))),
      List.of(
          new Wait(EcsTopology.SERVICE + "-gone", "AwaitServiceGone", call(ECS, "DeleteExpressGatewayService"),
              call(ECS, "DescribeExpressGatewayService")),
          new Wait(EcsTopology.HARNESS + "-gone", "AwaitHarnessGone", call(AC, "DeleteHarness"), call(AC, "GetHarness"))));

  static final Topology GATEWAY_TOPOLOGY = new Topology("gateway", List.of(
      res(GatewayTopology.SECRET, SM, "CreateSecret", "DeleteSecret"),
      res(GatewayTopology.USER_POOL, COG, "CreateUserPool", "DeleteUserPool"),
      res(GatewayTopology.RESOURCE_SERVER, COG, "CreateResourceServer", "DeleteResourceServer"),
      res(GatewayTopology.APP_CLIENT, COG, "CreateUserPoolClient", "DeleteUserPoolClient"),
      res(GatewayTopology.DOMAIN, COG, "CreateUserPoolDomain", "DeleteUserPoolDomain"),
      res(GatewayTopology.OAUTH_PROVIDER, AC, "CreateOauth2CredentialProvider", "DeleteOauth2CredentialProvider"),
      role(GatewayTopology.RUNTIME_ROLE, n -> n.gateway().runtimeRole()),
      res(GatewayTopology.RUNTIME, AC, "CreateAgentRuntime", "DeleteAgentRuntime"),
      role(GatewayTopology.GATEWAY_ROLE, n -> n.gateway().gatewayRole()),
      res(GatewayTopology.GATEWAY, AC, "CreateGateway", "DeleteGateway"),
      res(GatewayTopology.GATEWAY_TARGET, AC, "CreateGatewayTarget", "DeleteGatewayTarget"),
      role(GatewayTopology.HARNESS_ROLE, ResourceNames::harnessRole),
      res(GatewayTopology.HARNESS, AC, "CreateHarness", "DeleteHarness")),
      List.of(
          new Wait(GatewayTopology.RUNTIME_READY, "AwaitRuntimeReady", call(AC, "CreateAgentRuntime"),
              call(AC, "GetAgentRuntime")),
          new Wait(GatewayTopology.GATEWAY_READY, "AwaitGatewayReady", call(AC, "CreateGateway"), call(AC, "GetGateway")),
          new Wait(GatewayTopology.GATEWAY_TARGET_READY, "AwaitGatewayTargetReady", call(AC, "CreateGatewayTarget"),
              call(AC, "GetGatewayTarget")),
          new Wait(GatewayTopology.HARNESS_READY, "AwaitHarnessReady", call(AC, "CreateHarness"), call(AC, "GetHarness"))),
      List.of(
          new Wait(GatewayTopology.HARNESS + "-gone", "AwaitHarnessGone", call(AC, "DeleteHarness"), call(AC, "GetHarness")),
          new Wait(GatewayTopology.GATEWAY_TARGET + "-gone", "AwaitGatewayTargetGone", call(AC, "DeleteGatewayTarget"),
              call(AC, "GetGatewayTarget")),
          new Wait(GatewayTopology.GATEWAY + "-gone", "AwaitGatewayGone", call(AC, "DeleteGateway"), call(AC, "GetGateway")),
          new Wait(GatewayTopology.RUNTIME + "-gone", "AwaitRuntimeGone", call(AC, "DeleteAgentRuntime"),
              call(AC, "GetAgentRuntime"))));
}
