package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreControlHandler;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreDataHandler;
import io.harnessdeployer.emulator.services.sts.StsHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every service the emulator answers. Add one line per handler. */
public final class DefaultServices {
  /** Until IAM and Secrets Manager are registered here, no role or secret exists. */
  private static final CloudLookup NOTHING =
      new CloudLookup() {
        @Override
        public Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
          return Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
          return Optional.empty();
        }
      };

  private DefaultServices() {}

  public static List<ServiceHandler> create(EmulatorSettings settings) {
    return create(settings, NOTHING);
  }

  /** {@code cloud} answers what one service asks of another (IAM roles, secrets). */
  public static List<ServiceHandler> create(EmulatorSettings settings, CloudLookup cloud) {
    List<ServiceHandler> all = new ArrayList<>();
    AgentCoreControlHandler agentCore = new AgentCoreControlHandler(settings, cloud);
    all.add(new StsHandler(settings));
    all.add(agentCore);
    // A harness reaches the remote MCP tools the emulator itself hosts (e.g. an ECS Express service).
    all.add(new AgentCoreDataHandler(agentCore,
        host -> all.stream().anyMatch(h -> h instanceof EndpointHost e && e.owns(host))));
    return List.copyOf(all);
  }
}
