package io.harnessdeployer.client.live;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The deployments our ownership tag names in AWS, for servers without visibility. IAM is global
 * and every deployment, of either topology, has roles tagged {@code region/name}: one read covers
 * all regions (the Resource Groups Tagging API is not in the emulator).
 */
public final class TaggedDeployments {
  private TaggedDeployments() {}

  /** Sorted by region and name; {@code region} null: all. */
  public static Set<DeploymentKey> find(AwsClients aws, String region) {
    IamClient iam = aws.iam();
    TreeMap<String, DeploymentKey> keys = new TreeMap<>();
    for (Role role : iam.listRolesPaginator(r -> r.build()).roles()) {
      iam.listRoleTagsPaginator(r -> r.roleName(role.roleName())).tags().stream()
          .filter(t -> Names.TAG_DEPLOYMENT.equals(t.key()) && t.value() != null && t.value().indexOf('/') > 0)
          .forEach(t -> {
            String r = t.value().substring(0, t.value().indexOf('/'));
            String name = t.value().substring(t.value().indexOf('/') + 1);
            if ((region == null || region.equals(r)) && !name.isEmpty()) {
              keys.putIfAbsent(t.value(), new DeploymentKey(r, name));
            }
          });
    }
    return new java.util.LinkedHashSet<>(keys.values());
  }
}
