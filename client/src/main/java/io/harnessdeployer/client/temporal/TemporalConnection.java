package io.harnessdeployer.client.temporal;

import io.temporal.client.WorkflowClient;

/** A client and how to let go of it. */
public record TemporalConnection(WorkflowClient client, String address, String namespace, Runnable onClose)
    implements AutoCloseable {
  @Override
  public void close() {
    onClose.run();
  }
}
