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

/** Every AgentCore and Cognito operation the deployer calls is registered by default, under its model name. */
class AgentCoreOperationsTest {
  private static final List<String> CALLED_CONTROL = List.of(
      "CreateApiKeyCredentialProvider", "GetApiKeyCredentialProvider", "UpdateApiKeyCredentialProvider",
      "DeleteApiKeyCredentialProvider", "CreateOauth2CredentialProvider", "GetOauth2CredentialProvider",
      "DeleteOauth2CredentialProvider", "ListOauth2CredentialProviders", "CreateHarness", "GetHarness", "UpdateHarness",
      "DeleteHarness", "ListHarnesses", "ListAgentRuntimes", "CreateAgentRuntime", "UpdateAgentRuntime", "GetAgentRuntime",
      "DeleteAgentRuntime", "ListGateways", "GetGateway", "CreateGateway", "UpdateGateway", "DeleteGateway",
      "ListGatewayTargets", "GetGatewayTarget", "CreateGatewayTarget", "DeleteGatewayTarget");
  /** Spec Appendix C's Cognito list, plus DescribeUserPool (status and drift) and the tag operations. */
  private static final List<String> CALLED_COGNITO = List.of(
      "ListUserPools", "CreateUserPool", "DescribeUserPool", "DescribeResourceServer", "CreateResourceServer",
      "ListUserPoolClients", "DescribeUserPoolClient", "CreateUserPoolClient", "DescribeUserPoolDomain",
      "CreateUserPoolDomain", "DeleteUserPoolDomain", "DeleteUserPool", "TagResource", "ListTagsForResource");

  @Test
  void defaultServices_registerTheOperationsTheDeployerCalls_allNamedAsInTheModels() {
    Map<String, ServiceHandler> handlers = DefaultServices.create(EmulatorSettings.defaults()).stream()
        .collect(Collectors.toMap(ServiceHandler::service, h -> h));
    ServiceCatalog catalog = ServiceCatalog.loadAll();

    ServiceHandler control = handlers.get("bedrock-agentcore-control");
    ServiceHandler data = handlers.get("bedrock-agentcore");
    ServiceHandler cognito = handlers.get("cognito-idp");
    assertTrue(cognito.operations().keySet().containsAll(CALLED_COGNITO), cognito.operations().keySet().toString());
    assertTrue(control.operations().keySet().containsAll(CALLED_CONTROL), control.operations().keySet().toString());
    assertTrue(data.operations().containsKey("InvokeHarness"));
    for (ServiceHandler h : List.of(control, data, cognito)) {
      ServiceModel model = catalog.byId(h.service()).orElseThrow();
      for (String op : h.operations().keySet()) assertTrue(model.operation(op).isPresent(), h.service() + " models no " + op);
    }
  }
}
