package io.harnessdeployer.client.destroye2e;

import java.util.ArrayList;
import java.util.List;

/** What one default ecs deploy leaves in the emulator, live (revisions count on per family). */
final class Deployed {
  private Deployed() {}

  /** The live resources after an ecs deploy with default names whose service is revision {@code first}. */
  static List<String> all(int first) {
    List<String> all = new ArrayList<>(List.of(
        "bedrock-agentcore-control apikey-credential-provider zscaler-mcp-creds",
        "bedrock-agentcore-control harness zscaler_mcp_harness",
        "iam role zscaler-mcp-ecs-infrastructure-role",
        "iam role zscaler-mcp-ecs-task-execution-role",
        "iam role zscaler-mcp-harness-execution-role",
        "secretsmanager secret zscaler-mcp-harness/credentials"));
    all.addAll(keptByKeepEcs(first));
    all.sort(null);
    return all;
  }

  /** What {@code --keep-ecs} keeps: cluster, log group, service and its two revisions. */
  static List<String> keptByKeepEcs(int first) {
    return List.of(
        "ecs cluster zscaler-mcp",
        "ecs express-service zscaler-mcp-server",
        "ecs task-definition zscaler-mcp-zscaler-mcp-server:" + first,
        "ecs task-definition zscaler-mcp-zscaler-mcp-server:" + (first + 1),
        "logs log-group /ecs/zscaler-mcp");
  }
}
