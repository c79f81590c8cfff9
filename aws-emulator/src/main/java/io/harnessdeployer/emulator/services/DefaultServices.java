package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreControlHandler;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreDataHandler;
import io.harnessdeployer.emulator.services.ecs.EcsHandler;
import io.harnessdeployer.emulator.services.sts.StsHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.util.ArrayList;
import java.util.List;

/** Every service the emulator answers. Add one line per handler. */
public final class DefaultServices {
  private DefaultServices() {}

  /** Services whose cross-service lookups are not wired yet see {@link UnwiredCloudLookup}. */
  public static List<ServiceHandler> create(EmulatorSettings settings) {
    return create(settings, UnwiredCloudLookup.INSTANCE);
  }

  /** {@code cloud} answers what one service asks of another (IAM roles, secrets). */
  public static List<ServiceHandler> create(EmulatorSettings settings, CloudLookup cloud) {
    List<ServiceHandler> all = new ArrayList<>();
    AgentCoreControlHandler agentCore = new AgentCoreControlHandler(settings, cloud);
    all.add(new StsHandler(settings));
    all.add(new EcsHandler(cloud, settings.clock()));
    all.add(agentCore);
    // A harness reaches the remote MCP tools the emulator itself hosts (e.g. an ECS Express service).
    all.add(new AgentCoreDataHandler(agentCore,
        host -> all.stream().anyMatch(h -> h instanceof EndpointHost e && e.owns(host))));
    return List.copyOf(all);
  }
}
