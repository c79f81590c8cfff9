package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.common.Names.HARNESS_GONE_TIMEOUT;
import static io.harnessdeployer.workflows.common.Names.HARNESS_POLL_INTERVAL;
import static io.harnessdeployer.workflows.common.Names.HARNESS_READY_TIMEOUT;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.HarnessShape;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.AgentCoreActivities;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.GatewayRef;
import io.harnessdeployer.workflows.steps.GatewayTool;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.HarnessStatus;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.harnessdeployer.workflows.deploy.Topology;
import java.util.List;
import java.util.Map;

/** The harness with the MCP server (ecs) or the gateway as its tool, and the wait until it is READY. */
final class HarnessNodes {
  private final Settings s;

  HarnessNodes(Settings s) {
    this.s = s;
  }

  Ensured ensure(Step step) {
    HarnessRef ref = step.aws(AgentCoreActivities.class, "ensure harness " + s.names().harness())
        .ensureHarness(spec(step));
    return Ensured.of(ref, ref.harnessId(), ref.outcome());
  }

  /** READY, our tags, and what the ensure keeps up to date ({@link HarnessShape}), from the same spec. */
  Map<String, Object> desired(Step step) {
    return DesiredState.of(s.scope(), "READY", HarnessShape.of(spec(step)));
  }

  Observed describe(Step step) {
    return step.aws(AgentCoreActivities.class, "describe harness " + s.names().harness())
        .describeHarness(new Lookup(s.scope(), s.names().harness()));
  }

  private HarnessSpec spec(Step step) {
    if (s.topology() == Topology.GATEWAY) {
      return gatewaySpec(step);
    }
    String mcpUrl = s.ecsHost()
        ? step.input(EcsTopology.SERVICE_ACTIVE, Endpoint.class).mcpUrl()
        : ContainerEnv.normaliseMcpUrl(s.externalMcpUrl());
    ResourceRef role = step.input(EcsTopology.HARNESS_ROLE, ResourceRef.class);
    ResourceRef provider = step.input(EcsTopology.PROVIDER, ResourceRef.class);
    return new HarnessSpec(s.scope(), s.names().harness(), role.arn(), s.deploy().modelId(), mcpUrl,
        provider.arn(), s.clientToken()).withConfig(s.deploy().harness());
  }

  /** The {@code agentcore_gateway} tool (spec §4.3): its OAuth sends no scopes, as the seed's does. */
  private HarnessSpec gatewaySpec(Step step) {
    ResourceRef role = step.input(GatewayTopology.HARNESS_ROLE, ResourceRef.class);
    GatewayRef gateway = step.input(GatewayTopology.GATEWAY, GatewayRef.class);
    ResourceRef provider = step.input(GatewayTopology.OAUTH_PROVIDER, ResourceRef.class);
    return HarnessSpec.withGateway(s.scope(), s.names().harness(), role.arn(), s.deploy().modelId(),
        new GatewayTool(gateway.gatewayArn(), provider.arn(), List.of()), s.clientToken())
        .withConfig(s.deploy().harness());
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
