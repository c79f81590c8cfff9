package io.harnessdeployer.client.destroye2e;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import java.util.ArrayList;
import java.util.List;

/** What one ecs deploy of a named deployment leaves in the emulator, live (revisions count on per family). */
final class Deployed {
  private Deployed() {}

  /** The names a deploy of {@code deployment} in us-east-1 gives its resources. */
  static ResourceNames names(String deployment) {
    return ResourceNames.forDeployment(new DeploymentKey("us-east-1", deployment));
  }

  /** The live resources after an ecs deploy of {@code deployment} whose service is revision {@code first}. */
  static List<String> all(String deployment, int first) {
    ResourceNames n = names(deployment);
    List<String> all = new ArrayList<>(List.of(
        "bedrock-agentcore-control apikey-credential-provider " + n.apiKeyProvider(),
        "bedrock-agentcore-control harness " + n.harness(),
        "iam role " + n.infrastructureRole(),
        "iam role " + n.taskExecutionRole(),
        "iam role " + n.harnessRole(),
        "secretsmanager secret " + n.secret()));
    all.addAll(keptByKeepEcs(deployment, first));
    all.sort(null);
    return all;
  }

  /** What {@code --keep-ecs} keeps: cluster, log group, service and its two revisions. */
  static List<String> keptByKeepEcs(String deployment, int first) {
    ResourceNames n = names(deployment);
    String family = n.cluster() + "-" + n.service();
    List<String> kept = new ArrayList<>(List.of(
        "ecs cluster " + n.cluster(),
        "ecs express-service " + n.service(),
        "ecs task-definition " + family + ":" + first,
        "ecs task-definition " + family + ":" + (first + 1),
        "logs log-group " + n.logGroup()));
    kept.sort(null);
    return kept;
  }
}
