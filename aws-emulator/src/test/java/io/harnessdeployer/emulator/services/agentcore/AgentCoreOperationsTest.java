package io.harnessdeployer.emulator.services.agentcore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.model.ServiceCatalog;
import io.harnessdeployer.emulator.model.ServiceModel;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.DefaultServices;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every AgentCore operation the deployer calls is registered by default, under its model name. */
class AgentCoreOperationsTest {
  private static final List<String> CALLED_CONTROL = List.of(
      "CreateApiKeyCredentialProvider", "GetApiKeyCredentialProvider", "UpdateApiKeyCredentialProvider",
      "DeleteApiKeyCredentialProvider", "CreateOauth2CredentialProvider", "GetOauth2CredentialProvider",
      "DeleteOauth2CredentialProvider", "CreateHarness", "GetHarness", "UpdateHarness", "DeleteHarness", "ListHarnesses");

  @Test
  void defaultServices_registerTheOperationsTheDeployerCalls_allNamedAsInTheModels() {
    Map<String, ServiceHandler> handlers = DefaultServices.create(EmulatorSettings.defaults()).stream()
        .collect(Collectors.toMap(ServiceHandler::service, h -> h));
    ServiceCatalog catalog = ServiceCatalog.loadAll();

    ServiceHandler control = handlers.get("bedrock-agentcore-control");
    ServiceHandler data = handlers.get("bedrock-agentcore");
    assertTrue(control.operations().keySet().containsAll(CALLED_CONTROL), control.operations().keySet().toString());
    assertTrue(data.operations().containsKey("InvokeHarness"));
    for (ServiceHandler h : List.of(control, data)) {
      ServiceModel model = catalog.byId(h.service()).orElseThrow();
      for (String op : h.operations().keySet()) assertTrue(model.operation(op).isPresent(), h.service() + " models no " + op);
    }
  }
}
