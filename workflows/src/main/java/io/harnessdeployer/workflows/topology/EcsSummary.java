package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.topology.EcsTopology.*;

import io.harnessdeployer.workflows.common.ContainerEnv;
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
import java.util.List;
import java.util.Map;

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
    List<ResourceOutcome> resources = results.stream()
        .filter(e -> e.getKey().isResource() && e.getValue().outcome() != null)
        .map(e -> new ResourceOutcome(e.getKey().id(), e.getKey().kind(), e.getValue().resourceId(),
            e.getValue().outcome()))
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

  private static String arn(Map<String, Object> out, String id) {
    return ((ResourceRef) out.get(id)).arn();
  }

  private static String cluster(Map<String, Object> out) {
    return ((ResourceRef) out.get(CLUSTER)).name();
  }
}
