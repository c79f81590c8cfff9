package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.topology.EcsTopology.*;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessStatus;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.ServiceRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The deploy's result, read from the outputs of a finished ecs-topology run. */
public final class EcsSummary {
  private EcsSummary() {}

  public static DeploySummary of(Settings s, Map<String, Object> out, List<Map.Entry<Node, Ensured>> results) {
    boolean ecs = s.ecsHost();
    HarnessRef harness = (HarnessRef) out.get(HARNESS);
    String region = s.scope().region();
    String mcpUrl = ecs ? ((Endpoint) out.get(SERVICE_ACTIVE)).mcpUrl()
        : ContainerEnv.normaliseMcpUrl(s.externalMcpUrl());
    String host = ecs
        ? "ECS Express — " + s.names().service() + " (cluster: " + cluster(out) + ")"
        : "External (user-provided)";
    String console = "https://" + region + ".console.aws.amazon.com/bedrock-agentcore/home?region="
        + region + "#/harnesses/" + harness.harnessId();
    SecretRef secret = (SecretRef) out.get(SECRET);
    Set<String> rotated = rotated(secret, ecs ? (ServiceRef) out.get(SERVICE) : null);
    List<ResourceOutcome> resources = results.stream()
        .filter(e -> e.getKey().isResource() && e.getValue().outcome() != null)
        .map(e -> new ResourceOutcome(e.getKey().id(), e.getKey().kind(), e.getValue().resourceId(),
            e.getValue().outcome(), rotated.contains(e.getKey().id())))
        .toList();
    return new DeploySummary(s.scope().deployment().tagValue(), DeployStatus.SUCCEEDED,
        harness.harnessId(), harness.harnessArn(), harness.harnessName(),
        ((HarnessStatus) out.get(HARNESS_READY)).status(), s.deploy().modelId(), mcpUrl, host,
        arn(out, HARNESS_ROLE), arn(out, PROVIDER),
        ecs ? arn(out, TASK_EXECUTION_ROLE) : null, ecs ? arn(out, INFRASTRUCTURE_ROLE) : null,
        ecs ? cluster(out) : null, ecs ? ((ServiceRef) out.get(SERVICE)).serviceArn() : null,
        ecs ? ((ResourceRef) out.get(LOG_GROUP)).name() : null, ecs ? s.deploy().secretMode() : null,
        secret == null ? null : secret.name(), secret == null ? null : secret.arn(), console, resources);
  }

  /**
   * The steps that now hold credentials other than before, told by names only: the secret's
   * rotated keys, the service rolled for them (or, in plaintext mode, a changed credential env key),
   * and the provider when the client id or secret changed, since its Basic header is built from
   * them. Its stored key cannot be read back, so this is inferred, not compared.
   */
  private static Set<String> rotated(SecretRef secret, ServiceRef service) {
    Set<String> steps = new HashSet<>();
    if (secret != null && secret.rotated()) {
      steps.add(SECRET);
    }
    List<String> changes = service == null || service.changes() == null ? List.of() : service.changes();
    boolean plaintextRotated = changes.stream().anyMatch(Names.CREDENTIAL_KEYS::contains);
    if (service != null && (service.rolledForSecret() || plaintextRotated)) {
      steps.add(SERVICE);
    }
    if (secret != null && secret.basicHeaderRotated()
        || changes.contains(Names.KEY_CLIENT_ID) || changes.contains(Names.KEY_CLIENT_SECRET)) {
      steps.add(PROVIDER);
    }
    return steps;
  }

  private static String arn(Map<String, Object> out, String id) {
    return ((ResourceRef) out.get(id)).arn();
  }

  private static String cluster(Map<String, Object> out) {
    return ((ResourceRef) out.get(CLUSTER)).name();
  }
}
