package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a topology's nodes are built from. A deploy (and its rollback) has {@link #deploy}; a
 * destroy has none, and deletes by name whatever carries this deployment's tag.
 *
 * @param deploy null in a destroy: its nodes are never ensured there
 * @param kept the keep flags given to destroy ({@code --keep-ecs} …)
 * @param clientToken the harness create's idempotency token (deploy only)
 * @param topology which graph {@link Topologies#graph} builds
 */
public record Settings(
    Topology topology,
    Scope scope,
    ResourceNames names,
    DeployRequest deploy,
    boolean ecsHost,
    String byoSecretId,
    String externalMcpUrl,
    boolean forceSecretDelete,
    Set<String> kept,
    String clientToken) {

  public static final String KEEP_ECS = "--keep-ecs";
  public static final String KEEP_ROLE = "--keep-role";
  public static final String KEEP_SECRET = "--keep-secret";
  public static final String KEEP_COGNITO = "--keep-cognito";

  public static Settings forDeploy(DeployRequest req, Scope scope, String clientToken) {
    return new Settings(topologyOf(req.topology()), scope, req.names(), req,
        req.topology() != Topology.GATEWAY && req.ecsHost(), blankToNull(req.byoSecretId()),
        blankToNull(req.externalMcpUrl()), false, Set.of(), clientToken);
  }

  /** Destroy looks for the ECS resources even after an external-URL deploy (an earlier one may have made them). */
  public static Settings forDestroy(DestroyRequest req, Scope scope) {
    Set<String> kept = new LinkedHashSet<>();
    if (req.keepEcs()) {
      kept.add(KEEP_ECS);
    }
    if (req.keepRole()) {
      kept.add(KEEP_ROLE);
    }
    if (req.keepSecret()) {
      kept.add(KEEP_SECRET);
    }
    if (req.keepCognito()) {
      kept.add(KEEP_COGNITO);
    }
    return new Settings(topologyOf(req.topology()), scope, req.names(), null, true, blankToNull(req.byoSecretId()),
        blankToNull(req.externalMcpUrl()), req.forceSecretDelete(), Set.copyOf(kept), null);
  }

  /** Requests recorded before the topology existed carry none: they were ecs. */
  private static Topology topologyOf(Topology t) {
    return t == null ? Topology.ECS : t;
  }

  public boolean destroying() {
    return deploy == null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
