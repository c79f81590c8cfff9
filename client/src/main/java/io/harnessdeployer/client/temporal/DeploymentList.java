package io.harnessdeployer.client.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Deployments as Temporal's visibility knows them, by our search attributes. */
public final class DeploymentList {
  /** One deployment: its last operation's run. */
  public record Listed(String deployment, String region, String name, String status, String topology,
      String lastOperation, Instant lastStartedAt) {}

  private final TemporalConnection conn;

  public DeploymentList(TemporalConnection conn) {
    this.conn = conn;
  }

  /**
   * Empty when this server has no visibility queries (the local stack's test server answers
   * UNIMPLEMENTED; a server without our search attributes, INVALID_ARGUMENT).
   */
  public Optional<List<Listed>> fromVisibility(String region) {
    String query = "WorkflowType IN ('" + Deployments.DEPLOY_TYPE + "', '" + Deployments.DESTROY_TYPE + "', '"
        + Deployments.ADOPT_TYPE + "') AND " + SearchAttributes.DEPLOYMENT.getName() + " IS NOT NULL"
        + (region == null ? "" : " AND " + SearchAttributes.REGION.getName() + " = '" + region + "'");
    Map<String, Listed> latest = new TreeMap<>();
    try {
      conn.client().listExecutions(query).forEach(m -> {
        Listed l = listed(m);
        latest.merge(l.deployment(), l, (a, b) -> a.lastStartedAt().isAfter(b.lastStartedAt()) ? a : b);
      });
    } catch (RuntimeException e) {
      if (unsupported(e)) {
        return Optional.empty();
      }
      throw TemporalErrors.translate(e, conn);
    }
    return Optional.of(List.copyOf(latest.values()));
  }

  /** The keys found elsewhere (AWS tags), each with its last run if Temporal still has one. */
  public List<Listed> describe(Collection<DeploymentKey> keys) {
    Deployments deployments = new Deployments(conn);
    return keys.stream().map(k -> deployments.describe(k).map(DeploymentList::listed)
        .map(l -> new Listed(k.toString(), k.region(), k.name(), l.status(), l.topology(), l.lastOperation(),
            l.lastStartedAt()))
        .orElseGet(() -> new Listed(k.toString(), k.region(), k.name(), "NO_HISTORY", null, null, null))).toList();
  }

  private static Listed listed(WorkflowExecutionMetadata m) {
    var sa = m.getTypedSearchAttributes();
    String deployment = sa.get(SearchAttributes.DEPLOYMENT);
    String status = sa.get(SearchAttributes.STATUS);
    String temporal = m.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    String region = sa.get(SearchAttributes.REGION);
    String name = deployment == null ? null : deployment.substring(deployment.indexOf('/') + 1);
    return new Listed(deployment != null ? deployment : m.getExecution().getWorkflowId(), region, name,
        status != null ? status : temporal, sa.get(SearchAttributes.TOPOLOGY), Operations.label(m.getWorkflowType()),
        m.getStartTime());
  }

  private static boolean unsupported(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre && (sre.getStatus().getCode() == Status.Code.UNIMPLEMENTED
          || sre.getStatus().getCode() == Status.Code.INVALID_ARGUMENT)) {
        return true;
      }
    }
    return false;
  }
}
