package io.harnessdeployer.client.drift;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflow;
import io.harnessdeployer.workflows.drift.DriftReport;
import io.harnessdeployer.workflows.drift.DriftRequest;
import io.harnessdeployer.workflows.drift.Heal;
import io.harnessdeployer.workflows.drift.ResourceDrift;
import io.harnessdeployer.workflows.drift.ResourceStatus;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the drift contract for CLI tests, steered by the deployment name: {@code drifted…} finds the
 * secret DELETED and the service MODIFIED (and heals it, with heal); {@code healfail…} drifts and its
 * heal fails; {@code broken…} fails the check; anything else is IN_SYNC. With {@code every} it loops
 * as the real one does: check, wait, continue as new, until unschedule. Every check's request is kept
 * per workflow id in {@link #REQUESTS}.
 */
public class FakeDriftCheck implements DriftCheckWorkflow {
  static final Map<String, List<DriftRequest>> REQUESTS = new ConcurrentHashMap<>();
  static final PropertyDiff IMAGE = new PropertyDiff("image", "repo/mcp:1", "repo/mcp:2", PropertyDiff.Kind.NOT_EQUAL);
  static final PropertyDiff ENV_ADDED = new PropertyDiff("environment.DEBUG", null, "1", PropertyDiff.Kind.ADD);
  static final PropertyDiff HEALTH_REMOVED = new PropertyDiff("healthCheckPath", "/health", null, PropertyDiff.Kind.REMOVE);

  private DriftReport last;
  private boolean unscheduled;

  @Override
  public DriftReport check(DriftRequest request) {
    if (!Workflow.isReplaying()) {
      REQUESTS.computeIfAbsent(Workflow.getInfo().getWorkflowId(), k -> new CopyOnWriteArrayList<>()).add(request);
    }
    String name = request.deploy().deploymentName();
    if (name.startsWith("broken")) {
      throw ApplicationFailure.newNonRetryableFailure("describe of the harness failed: AccessDenied", FailureTypes.VALIDATION);
    }
    boolean drifted = name.startsWith("drifted") || name.startsWith("healfail");
    List<ResourceDrift> found = drifted ? drifted() : inSync();
    Heal heal = request.heal() && drifted ? name.startsWith("healfail")
        ? new Heal(request.deploy().key().workflowId(), "run-1", false, List.of(), "harness: AccessDenied", List.of())
        : new Heal(request.deploy().key().workflowId(), "run-1", true, List.of("secret CREATED", "service UPDATED"), null, inSync())
        : null;
    last = new DriftReport(name, request.deploy().region(), Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
        found, heal);
    if (!request.looping()) {
      return last;
    }
    Workflow.await(request.every(), () -> unscheduled);
    if (unscheduled) {
      return last;
    }
    Workflow.continueAsNew(request);
    return last;
  }

  @Override
  public DriftReport lastReport() {
    return last;
  }

  @Override
  public void unschedule() {
    unscheduled = true;
  }

  static List<ResourceDrift> inSync() {
    return List.of(
        new ResourceDrift("secret", "Secret", "secret", "zscaler-mcp-harness/credentials", ResourceStatus.IN_SYNC, null, null),
        new ResourceDrift("service", "ECS Express service", "ecs-service", "zscaler-mcp-server", ResourceStatus.IN_SYNC, null, null),
        new ResourceDrift("harness", "Harness", "harness", "zscaler_mcp_harness", ResourceStatus.IN_SYNC, null, null));
  }

  static List<ResourceDrift> drifted() {
    return List.of(
        new ResourceDrift("secret", "Secret", "secret", "zscaler-mcp-harness/credentials", ResourceStatus.DELETED, null, null),
        new ResourceDrift("service", "ECS Express service", "ecs-service", "zscaler-mcp-server", ResourceStatus.MODIFIED,
            List.of(IMAGE, ENV_ADDED, HEALTH_REMOVED), null),
        new ResourceDrift("harness", "Harness", "harness", "zscaler_mcp_harness", ResourceStatus.NOT_CHECKED, null,
            "its execution role is missing"));
  }
}
