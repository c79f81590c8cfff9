package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.common.Names;
import java.util.Map;

/**
 * A resource a deploy is about to adopt or create, as the preflight check looks it up.
 *
 * @param name the name its ensure uses
 * @param within the container it lives in (the cluster of a service, the user pool of a resource
 *     server or app client, the gateway of a target); null otherwise
 */
public record OwnershipClaim(ResourceKind kind, String name, String within) {
  public OwnershipClaim(ResourceKind kind, String name) {
    this(kind, name, null);
  }

  /**
   * Whether {@code scope}'s deployment may adopt a live resource with these tags: its own, or an
   * untagged one where the kind's rule says so; never one tagged for another deployment.
   */
  public boolean mayAdopt(Scope scope, Map<String, String> tags) {
    return scope.ownsDeployment(tags)
        || !tags.containsKey(Names.TAG_DEPLOYMENT) && kind.rule() == OwnershipRule.ADOPTS_UNTAGGED;
  }

  /** How errors name it: {@code ECS Express service s (cluster c)}, {@code Cognito app client a (user pool p)}. */
  public String describe() {
    if (within == null) {
      return kind.title() + " " + name;
    }
    String container = switch (kind) {
      case RESOURCE_SERVER, APP_CLIENT -> "user pool";
      case GATEWAY_TARGET -> "gateway";
      default -> "cluster";
    };
    return kind.title() + " " + name + " (" + container + " " + within + ")";
  }
}
