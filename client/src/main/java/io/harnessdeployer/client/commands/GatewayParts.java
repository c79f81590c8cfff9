package io.harnessdeployer.client.commands;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.topology.GatewayTopology;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * A gateway-topology summary's extra lines (spec §3 step 13), read from what it carries: the
 * gateway's URL, the OAuth2 provider's ARN, and each resource's id by its step (gateway ARN, pool
 * id, resource server identifier = the audience, domain).
 */
record GatewayParts(DeploySummary s, String region, Map<String, String> ids) {
  /** Null for an ecs-topology summary (it has no gateway step). */
  static GatewayParts of(DeploySummary s, String region) {
    if (s.resources() == null) {
      return null;
    }
    Map<String, String> ids = s.resources().stream().filter(r -> r.id() != null)
        .collect(Collectors.toMap(ResourceOutcome::step, ResourceOutcome::id, (a, b) -> a));
    return ids.containsKey(GatewayTopology.GATEWAY) ? new GatewayParts(s, region, ids) : null;
  }

  String gatewayArn() {
    return ids.get(GatewayTopology.GATEWAY);
  }

  String userPoolId() {
    return ids.get(GatewayTopology.USER_POOL);
  }

  String domain() {
    return ids.get(GatewayTopology.DOMAIN);
  }

  String tokenUrl() {
    return domain() == null ? null : Names.cognitoTokenUrl(domain(), region);
  }

  void summaryRows(BiConsumer<String, String> row) {
    row.accept("OAuth2 provider", s.providerArn() == null ? null : s.providerArn() + " (Cognito)");
    row.accept("Gateway URL", s.mcpUrl() == null || s.mcpUrl().isBlank() ? "(populated when Gateway is READY)" : s.mcpUrl());
    row.accept("Gateway ARN", gatewayArn());
    row.accept("Cognito Pool", userPoolId());
    row.accept("Cognito Audience", ids.get(GatewayTopology.RESOURCE_SERVER));
    row.accept("Cognito Token URL", tokenUrl());
  }

  /** The names ARNs hold; the Runtime's and the Gateway's are in the MCP host line (their ARNs end in ids). */
  void nameRows(BiConsumer<String, String> row) {
    row.accept("runtime role", DeployReports.lastSegment(ids.get(GatewayTopology.RUNTIME_ROLE)));
    row.accept("gateway role", DeployReports.lastSegment(ids.get(GatewayTopology.GATEWAY_ROLE)));
    row.accept("OAuth2 provider", DeployReports.lastSegment(s.providerArn()));
    row.accept("user pool", userPoolId());
    row.accept("domain", domain());
  }
}
