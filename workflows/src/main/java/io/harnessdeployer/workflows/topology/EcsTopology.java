package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.graph.Node.check;
import static io.harnessdeployer.workflows.graph.Node.resource;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_ECS;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_ROLE;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_SECRET;

import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The ecs topology (spec §2.1): the MCP server on ECS Express behind its own endpoint, the harness
 * pointing at it; or, with an external MCP URL, only the harness and what it needs. Declaration
 * order is the seed's order; {@code needs} is what really orders the deploy.
 */
public final class EcsTopology {
  public static final String PREFLIGHT = "preflight", SECRET = "secret",
      TASK_EXECUTION_ROLE = "task-execution-role", INFRASTRUCTURE_ROLE = "infrastructure-role",
      CLUSTER = "cluster", LOG_GROUP = "log-group", SERVICE = "service",
      TASK_DEFINITIONS = "task-definitions", SERVICE_ACTIVE = "service-active",
      ALLOWED_HOSTS = "allowed-hosts", SERVICE_ROLLOUT = "service-rollout", HEALTH = "health",
      PROVIDER = "credential-provider", HARNESS_ROLE = "harness-role", HARNESS = "harness",
      HARNESS_READY = "harness-ready";

  private EcsTopology() {}

  public static Graph graph(Settings s) {
    ResourceNames n = s.names();
    RoleNodes roles = new RoleNodes(s);
    ServiceNodes service = new ServiceNodes(s);
    HarnessNodes harness = new HarnessNodes(s);
    SecretNode secret = new SecretNode(s);
    TaskDefinitionsNode taskDefinitions = new TaskDefinitionsNode(s);
    List<String> serviceInputs = List.of(SECRET, TASK_EXECUTION_ROLE, INFRASTRUCTURE_ROLE, CLUSTER, LOG_GROUP);
    List<Node> g = new ArrayList<>();
    // preflight checks the ownership of what the nodes below claim: g is complete once it runs
    PreflightNode preflight = new PreflightNode(s, () -> Graph.claims(g));
    g.add(check(PREFLIGHT, "AWS identity and image check").recall(preflight::recall).ensure(preflight::ensure));
    if (s.ecsHost()) {
      g.add(resource(SECRET, secret.title(), ResourceKind.SECRET, n.secret()).claim(secret.claim()).needs(PREFLIGHT).keptBy(KEEP_SECRET)
          .delete(secret::delete).describe(secret::describe).desired(secret::desired).recall(secret::recall)
          .ensure(secret::ensure));
      g.add(resource(TASK_EXECUTION_ROLE, "IAM role " + n.taskExecutionRole(), ResourceKind.TASK_EXECUTION_ROLE, n.taskExecutionRole())
          .needs(SECRET).keptBy(KEEP_ROLE).delete(st -> roles.delete(st, n.taskExecutionRole()))
          .describe(st -> roles.describe(st, n.taskExecutionRole())).desired(roles::desiredTaskExecution)
          .recall(st -> Recalls.ref(st, n.taskExecutionRole())).ensure(roles::taskExecution));
      g.add(resource(INFRASTRUCTURE_ROLE, "IAM role " + n.infrastructureRole(), ResourceKind.INFRASTRUCTURE_ROLE, n.infrastructureRole())
          .needs(PREFLIGHT).keptBy(KEEP_ROLE).delete(roles::deleteInfrastructure)
          .describe(st -> roles.describe(st, n.infrastructureRole())).desired(roles::desiredInfrastructure)
          .recall(st -> Recalls.ref(st, n.infrastructureRole())).ensure(roles::infrastructure));
      ClusterNode cluster = new ClusterNode(s);
      g.add(resource(CLUSTER, "ECS cluster " + n.cluster(), ResourceKind.CLUSTER, n.cluster()).needs(PREFLIGHT)
          .keptBy(KEEP_ECS).delete(cluster::delete).describe(cluster::describe).desired(cluster::desired)
          .recall(st -> Recalls.ref(st, n.cluster())).ensure(cluster::ensure));
      LogGroupNode logGroup = new LogGroupNode(s);
      g.add(resource(LOG_GROUP, "Log group " + n.logGroup(), ResourceKind.LOG_GROUP, n.logGroup()).needs(PREFLIGHT)
          .keptBy(KEEP_ECS).delete(logGroup::delete).describe(logGroup::describe).desired(logGroup::desired)
          .recall(st -> Recalls.ref(st, n.logGroup())).ensure(logGroup::ensure));
      g.add(resource(SERVICE, "ECS Express service " + n.service(), ResourceKind.SERVICE, n.service())
          .claim(new OwnershipClaim(ResourceKind.SERVICE, n.service(), n.cluster()))
          .needs(serviceInputs).keptBy(KEEP_ECS).delete(service::delete).describe(service::describe)
          .desired(service::desired).ensure(service::ensure));
      g.add(resource(TASK_DEFINITIONS, "Task definitions " + taskDefinitions.family(), "task-definitions",
          taskDefinitions.family()).undoneWith(SERVICE).keptBy(KEEP_ECS).deleteOnly(taskDefinitions::delete));
      g.add(check(SERVICE_ACTIVE, "Service ACTIVE with a public endpoint").needs(SERVICE)
          .recall(service::recallEndpoint).ensure(service::awaitActive));
      g.add(check(ALLOWED_HOSTS, "Endpoint host in ZSCALER_MCP_ALLOWED_HOSTS")
          .needs(with(serviceInputs, SERVICE_ACTIVE)).ensure(service::mergeAllowedHost));
      g.add(check(SERVICE_ROLLOUT, "Second rollout finished").needs(ALLOWED_HOSTS).ensure(service::awaitRollout));
      g.add(check(HEALTH, "GET /health answers 200").needs(SERVICE_ACTIVE, SERVICE_ROLLOUT)
          .ensure(service::awaitHealthy));
    }
    ProviderNode provider = new ProviderNode(s);
    g.add(resource(PROVIDER, "Token Vault API-key provider " + n.apiKeyProvider(), ResourceKind.API_KEY_PROVIDER,
        n.apiKeyProvider()).needs(PREFLIGHT).delete(provider::delete).describe(provider::describe)
        .desired(provider::desired).recall(st -> Recalls.ref(st, n.apiKeyProvider())).ensure(provider::ensure));
    g.add(resource(HARNESS_ROLE, "IAM role " + n.harnessRole(), ResourceKind.HARNESS_ROLE, n.harnessRole()).needs(PREFLIGHT)
        .keptBy(KEEP_ROLE).delete(st -> roles.delete(st, n.harnessRole()))
        .describe(st -> roles.describe(st, n.harnessRole())).desired(roles::desiredHarness)
        .recall(st -> Recalls.ref(st, n.harnessRole())).ensure(roles::harness));
    g.add(resource(HARNESS, "Harness " + n.harness(), ResourceKind.HARNESS, n.harness())
        .needs(s.ecsHost() ? List.of(HARNESS_ROLE, PROVIDER, SERVICE_ACTIVE, HEALTH) : List.of(HARNESS_ROLE, PROVIDER))
        .delete(harness::delete).describe(harness::describe).desired(harness::desired).ensure(harness::ensure));
    g.add(check(HARNESS_READY, "Harness READY").needs(HARNESS).ensure(harness::awaitReady));
    if (s.destroying()) {
      destroyOnlyRows(s, g);
    }
    return new Graph(g);
  }

  /** What destroy reports but never touches: the operator's own secret and MCP server. */
  private static void destroyOnlyRows(Settings s, List<Node> g) {
    if (s.byoSecretId() != null && !s.byoSecretId().equals(s.names().secret())) {
      g.add(0, resource("byo-secret", "Secret " + s.byoSecretId() + " (bring your own)", "secret",
          s.byoSecretId()).deleteOnly(st -> Done.notOurs("bring-your-own secret: never written or deleted")));
    }
    if (s.externalMcpUrl() != null) {
      g.add(0, resource("mcp-server", "MCP server " + s.externalMcpUrl() + " (external)", "mcp-server",
          s.externalMcpUrl()).deleteOnly(st -> Done.notOurs("external MCP server: never touched")));
    }
  }

  private static List<String> with(List<String> list, String more) {
    List<String> out = new ArrayList<>(list);
    out.add(more);
    return out;
  }
}
