package io.harnessdeployer.client.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** Opens a {@link WorkflowClient}; tests hand out the test environment's client instead. */
@FunctionalInterface
public interface TemporalConnector {
  TemporalConnection connect(String address, String namespace);

  /** A plaintext gRPC connection to a Temporal frontend. */
  static TemporalConnector grpc() {
    return (address, namespace) -> {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
      WorkflowClient client = WorkflowClient.newInstance(
          stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
      return new TemporalConnection(client, address, namespace, stubs::shutdown);
    };
  }
}
