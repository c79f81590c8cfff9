package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreControlHandler;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreDataHandler;
import io.harnessdeployer.emulator.services.agentcore.ToolHosts;
import io.harnessdeployer.emulator.services.cognito.CognitoHandler;
import io.harnessdeployer.emulator.services.ecr.EcrHandler;
import io.harnessdeployer.emulator.services.ecs.EcsHandler;
import io.harnessdeployer.emulator.services.iam.IamHandler;
import io.harnessdeployer.emulator.services.logs.LogsHandler;
import io.harnessdeployer.emulator.services.secretsmanager.SecretsManagerHandler;
import io.harnessdeployer.emulator.services.sts.StsHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.util.ArrayList;
import java.util.List;

/** Every service the emulator answers. Add one line per handler. */
public final class DefaultServices {
  private DefaultServices() {}

  public static List<ServiceHandler> create(EmulatorSettings settings) {
    // IAM, Secrets Manager, Cognito and Logs first: services that ask them something (ECS or a harness
    // passing a role, a container reading a secret, a gateway checking a token) take `cloud`.
    IamHandler iam = new IamHandler();
    SecretsManagerHandler secrets = new SecretsManagerHandler(settings.clock());
    CognitoHandler cognito = new CognitoHandler(settings.clock());
    LogsHandler logs = new LogsHandler(); // services write their logs into it
    CloudLookup cloud = new HandlerCloudLookup(iam, secrets, cognito, logs);
    List<ServiceHandler> all = new ArrayList<>();
    AgentCoreControlHandler agentCore = new AgentCoreControlHandler(settings, cloud);
    all.add(new StsHandler(settings, cloud));
    all.add(iam);
    all.add(secrets);
    all.add(logs);
    all.add(new EcrHandler());
    all.add(cognito);
    all.add(new EcsHandler(cloud, settings.clock()));
    all.add(agentCore);
    // A harness reaches the remote MCP tools the emulator itself hosts (e.g. an ECS Express service).
    all.add(new AgentCoreDataHandler(agentCore, new ToolHosts() {
      @Override
      public boolean serves(String host) {
        return all.stream().anyMatch(h -> h instanceof EndpointHost e && e.owns(host));
      }

      @Override
      public EndpointHost.Response answer(EndpointHost.Request request) {
        return all.stream().filter(h -> h instanceof EndpointHost e && e.owns(request.host())).findFirst()
            .map(h -> ((EndpointHost) h).answer(request)).orElseThrow();
      }
    }));
    return List.copyOf(all);
  }
}
