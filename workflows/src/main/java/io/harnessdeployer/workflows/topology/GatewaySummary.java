package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.topology.GatewayTopology.*;

import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.steps.GatewayRef;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessStatus;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.RuntimeRef;
import io.harnessdeployer.workflows.steps.SecretRef;
import java.util.List;
import java.util.Map;

/** The deploy's result, read from the outputs of a finished gateway-topology run (spec §3 step 13). */
public final class GatewaySummary {
  private GatewaySummary() {}

  /** The MCP URL is the gateway's; the host names the Runtime behind it. */
  public static DeploySummary of(Settings s, Map<String, Object> out, List<Map.Entry<Node, Ensured>> results) {
    HarnessRef harness = (HarnessRef) out.get(HARNESS);
    RuntimeRef runtime = (RuntimeRef) out.get(RUNTIME);
    GatewayRef gateway = (GatewayRef) out.get(GATEWAY);
    SecretRef secret = (SecretRef) out.get(SECRET);
    String region = s.scope().region();
    String host = "AgentCore Runtime '" + runtime.runtimeName() + "' (id=" + runtime.runtimeId() + ") behind Gateway '"
        + gateway.gatewayName() + "'";
    String console = "https://" + region + ".console.aws.amazon.com/bedrock-agentcore/home?region="
        + region + "#/harnesses/" + harness.harnessId();
    List<ResourceOutcome> resources = results.stream()
        .filter(e -> e.getKey().isResource() && e.getValue().outcome() != null)
        .map(e -> new ResourceOutcome(e.getKey().id(), e.getKey().kind(), e.getValue().resourceId(),
            e.getValue().outcome(), false))
        .toList();
    return new DeploySummary(s.scope().deployment().tagValue(), DeployStatus.SUCCEEDED,
        harness.harnessId(), harness.harnessArn(), harness.harnessName(),
        ((HarnessStatus) out.get(HARNESS_READY)).status(), s.deploy().modelId(), gateway.gatewayUrl(), host,
        ((ResourceRef) out.get(HARNESS_ROLE)).arn(), ((ResourceRef) out.get(OAUTH_PROVIDER)).arn(),
        null, null, null, null, null, s.deploy().secretMode(),
        secret == null ? null : secret.name(), secret == null ? null : secret.arn(), console, resources);
  }
}
