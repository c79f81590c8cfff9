package io.harnessdeployer.worker.deploy;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Graph;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.Settings;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact set of resources a full ecs deploy leaves in the emulator, keyed by the plan step
 * that creates each one, so a test can also name "everything created before step X".
 */
final class ExpectedResources {
  /** The ecs graph of a default deploy; its deploy steps in declaration order. */
  static final Graph GRAPH = EcsTopology.graph(Settings.forDeploy(
      DeployRequest.builder("dev", "us-east-1", null).build(),
      new Scope(new DeploymentKey("us-east-1", "dev"), "r"), "t"));

  static final List<String> STEPS = List.of("preflight", "secret", "task-execution-role",
      "infrastructure-role", "cluster", "log-group", "service", "service-active", "allowed-hosts",
      "service-rollout", "health", "credential-provider", "harness-role", "harness", "harness-ready");

  private ExpectedResources() {}

  /** Every resource of a full deploy with default names and a managed secret. */
  static Set<CloudResource> expectedResources() {
    return expectedResources(ResourceNames.defaults(), SecretMode.MANAGED);
  }

  /**
   * Every resource of a full deploy: secret (managed mode only), task-execution role,
   * infrastructure role, cluster, log group, Express service with its two task-definition
   * revisions (the create and the allowed-hosts rollout), API-key provider, harness role, harness.
   */
  static Set<CloudResource> expectedResources(ResourceNames names, SecretMode mode) {
    return expectedResources(names, mode, 1);
  }

  /** As above, after earlier deploys registered (and deleted) revisions below {@code firstRevision}. */
  static Set<CloudResource> expectedResources(ResourceNames names, SecretMode mode, int firstRevision) {
    Set<CloudResource> all = new LinkedHashSet<>();
    byStep(names, mode, firstRevision).values().forEach(all::addAll);
    return all;
  }

  /**
   * What a deploy's progress says it holds: the resources of every step DONE with CREATED (and the
   * allowed-hosts rollout's revision once that step is DONE). Independent steps run at once, so
   * what exists when a step fails depends on what ran beside it; the progress must account for it
   * exactly.
   */
  static Set<CloudResource> heldAt(DeployProgress progress) {
    Set<CloudResource> out = new LinkedHashSet<>();
    Map<String, Set<CloudResource>> byStep = byStep(ResourceNames.defaults(), SecretMode.MANAGED, 1);
    for (StepState s : progress.steps()) {
      boolean done = s.status() == StepStatus.DONE || s.compensation() != null;
      if (done && (s.outcome() == Outcome.CREATED || s.id().equals("allowed-hosts") && s.endedAt() != null)) {
        out.addAll(byStep.getOrDefault(s.id(), Set.of()));
      }
    }
    return out;
  }

  /**
   * Bounds on what a deploy failed at {@code failing} holds: at least what the failing step
   * needs (made before it started), at most what does not need it.
   */
  static void assertWithinBounds(String failing, Set<CloudResource> held) {
    Map<String, Set<CloudResource>> byStep = byStep(ResourceNames.defaults(), SecretMode.MANAGED, 1);
    Set<CloudResource> must = new LinkedHashSet<>();
    Set<CloudResource> may = new LinkedHashSet<>();
    for (String s : STEPS) {
      if (GRAPH.dependsOn(failing, s)) {
        must.addAll(byStep.getOrDefault(s, Set.of()));
      }
      if (!GRAPH.dependsOn(s, failing)) {
        may.addAll(byStep.getOrDefault(s, Set.of()));
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(held.containsAll(must), failing + " needs " + must + "; held " + held);
    org.junit.jupiter.api.Assertions.assertTrue(may.containsAll(held), "independent of " + failing + ": " + may + "; held " + held);
  }

  /**
   * What a rollback leaves describable after deleting {@code created}: the secret in its recovery
   * window, the cluster and service as INACTIVE, like AWS.
   */
  static Map<CloudResource, String> tombstonesAfterRollback(Set<CloudResource> created) {
    Map<CloudResource, String> out = new LinkedHashMap<>();
    ResourceNames n = ResourceNames.defaults();
    put(out, created, secret(n.secret()), "SCHEDULED_FOR_DELETION");
    put(out, created, new CloudResource("ecs", "cluster", n.cluster()), "INACTIVE");
    put(out, created, new CloudResource("ecs", "express-service", n.service()), "INACTIVE");
    return out;
  }

  /** The Create* calls of a full deploy, once per resource (see {@link EmulatorControl#createCalls()}). */
  static Map<String, Integer> createCalls() {
    ResourceNames n = ResourceNames.defaults();
    return Map.of(
        "secretsmanager.CreateSecret " + n.secret(), 1,
        "iam.CreateRole " + n.taskExecutionRole(), 1,
        "iam.CreateRole " + n.infrastructureRole(), 1,
        "iam.CreateRole " + n.harnessRole(), 1,
        "ecs.CreateCluster " + n.cluster(), 1,
        "logs.CreateLogGroup " + n.logGroup(), 1,
        "ecs.CreateExpressGatewayService " + n.service(), 1,
        "bedrock-agentcore-control.CreateApiKeyCredentialProvider " + n.apiKeyProvider(), 1,
        "bedrock-agentcore-control.CreateHarness " + n.harness(), 1);
  }

  private static Map<String, Set<CloudResource>> byStep(ResourceNames n, SecretMode mode, int firstRevision) {
    String family = Names.taskDefinitionFamily(n.cluster(), n.service());
    Map<String, Set<CloudResource>> m = new LinkedHashMap<>();
    if (mode == SecretMode.MANAGED) {
      m.put("secret", Set.of(secret(n.secret())));
    }
    m.put("task-execution-role", Set.of(role(n.taskExecutionRole())));
    m.put("infrastructure-role", Set.of(role(n.infrastructureRole())));
    m.put("cluster", Set.of(new CloudResource("ecs", "cluster", n.cluster())));
    m.put("log-group", Set.of(new CloudResource("logs", "log-group", n.logGroup())));
    m.put("service", Set.of(new CloudResource("ecs", "express-service", n.service()), taskDefinition(family, firstRevision)));
    m.put("allowed-hosts", Set.of(taskDefinition(family, firstRevision + 1)));
    m.put("credential-provider",
        Set.of(new CloudResource("bedrock-agentcore-control", "apikey-credential-provider", n.apiKeyProvider())));
    m.put("harness-role", Set.of(role(n.harnessRole())));
    m.put("harness", Set.of(new CloudResource("bedrock-agentcore-control", "harness", n.harness())));
    return m;
  }

  static CloudResource secret(String name) {
    return new CloudResource("secretsmanager", "secret", name);
  }

  static CloudResource role(String name) {
    return new CloudResource("iam", "role", name);
  }

  static CloudResource taskDefinition(String family, int revision) {
    return new CloudResource("ecs", "task-definition", family + ":" + revision);
  }

  private static void put(Map<CloudResource, String> out, Set<CloudResource> created, CloudResource r, String status) {
    if (created.contains(r)) {
      out.put(r, status);
    }
  }
}
