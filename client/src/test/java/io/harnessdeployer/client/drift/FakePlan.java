package io.harnessdeployer.client.drift;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.plan.PlanAction;
import io.harnessdeployer.workflows.plan.PlanReport;
import io.harnessdeployer.workflows.plan.PlanWorkflow;
import io.harnessdeployer.workflows.plan.PlannedResource;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the plan contract, steered by the deployment name: {@code empty…} creates everything,
 * {@code changed…} updates the service, {@code conflict…} finds the harness owned by another
 * deployment; anything else is all no-op. The last request per deployment is kept in {@link #REQUESTS}.
 */
public class FakePlan implements PlanWorkflow {
  static final Map<String, DeployRequest> REQUESTS = new ConcurrentHashMap<>();
  static final PropertyDiff IMAGE = new PropertyDiff("image", "repo/mcp:2", "repo/mcp:1", PropertyDiff.Kind.NOT_EQUAL);

  @Override
  public PlanReport plan(DeployRequest request) {
    if (!Workflow.isReplaying()) {
      REQUESTS.put(request.deploymentName(), request);
    }
    String name = request.deploymentName();
    PlanAction all = name.startsWith("empty") ? PlanAction.CREATE : PlanAction.NO_OP;
    PlannedResource service = name.startsWith("changed")
        ? new PlannedResource("service", "ECS Express service", "ecs-service", "zscaler-mcp-server", PlanAction.UPDATE,
            List.of(IMAGE), null)
        : new PlannedResource("service", "ECS Express service", "ecs-service", "zscaler-mcp-server", all, null, null);
    PlannedResource harness = name.startsWith("conflict")
        ? new PlannedResource("harness", "Harness", "harness", "zscaler_mcp_harness", PlanAction.CONFLICT, null,
            "tagged for us-east-1/other")
        : new PlannedResource("harness", "Harness", "harness", "zscaler_mcp_harness", all, null, null);
    return new PlanReport(name, request.region(), List.of(
        new PlannedResource("secret", "Secret", "secret", "zscaler-mcp-harness/credentials", all, null, null),
        service, harness));
  }
}
