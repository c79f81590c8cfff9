package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.common.Names.HARNESS_GONE_TIMEOUT;
import static io.harnessdeployer.workflows.common.Names.HARNESS_POLL_INTERVAL;
import static io.harnessdeployer.workflows.common.Names.HARNESS_READY_TIMEOUT;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.AgentCoreActivities;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.HarnessStatus;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.WaitSpec;

/** The harness with the MCP server as its tool, and the wait until it is READY. */
final class HarnessNodes {
  private final Settings s;

  HarnessNodes(Settings s) {
    this.s = s;
  }

  Ensured ensure(Step step) {
    String mcpUrl = s.ecsHost()
        ? step.input(EcsTopology.SERVICE_ACTIVE, Endpoint.class).mcpUrl()
        : ContainerEnv.normaliseMcpUrl(s.externalMcpUrl());
    ResourceRef role = step.input(EcsTopology.HARNESS_ROLE, ResourceRef.class);
    ResourceRef provider = step.input(EcsTopology.PROVIDER, ResourceRef.class);
    HarnessRef ref = step.aws(AgentCoreActivities.class, "ensure harness " + s.names().harness())
        .ensureHarness(new HarnessSpec(s.scope(), s.names().harness(), role.arn(),
            s.deploy().modelId(), mcpUrl, provider.arn(), s.clientToken()));
    return Ensured.of(ref, ref.harnessId(), ref.outcome());
  }

  Ensured awaitReady(Step step) {
    HarnessRef harness = step.input(EcsTopology.HARNESS, HarnessRef.class);
    HarnessStatus status = step.poll(AgentCoreActivities.class,
            "wait for harness " + harness.harnessId() + " READY", HARNESS_READY_TIMEOUT)
        .awaitHarnessReady(new WaitSpec(s.scope(), harness.harnessId(), HARNESS_READY_TIMEOUT,
            HARNESS_POLL_INTERVAL));
    return Ensured.checked(status, status.status());
  }

  Done delete(Step step) {
    DeleteResult deleted = step.delete(AgentCoreActivities.class, "delete harness " + s.names().harness())
        .deleteHarness(new ResourceDelete(s.scope(), step.mode(), s.names().harness()));
    if (deleted.outcome() == DeleteOutcome.DELETED) {
      step.poll(AgentCoreActivities.class, "wait for harness " + deleted.id() + " gone", HARNESS_GONE_TIMEOUT)
          .awaitHarnessGone(new WaitSpec(s.scope(), deleted.id(), HARNESS_GONE_TIMEOUT, HARNESS_POLL_INTERVAL));
    }
    return Done.of(deleted);
  }
}
