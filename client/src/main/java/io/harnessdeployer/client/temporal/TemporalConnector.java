package io.harnessdeployer.client.temporal;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Opens a {@link WorkflowClient}; tests hand out the test environment's client instead. */
@FunctionalInterface
public interface TemporalConnector {
  /** How long to wait for the server's health check before telling the user it is not there. */
  Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

  TemporalConnection connect(String address, String namespace);

  /** A plaintext gRPC connection to a Temporal frontend, checked before use. */
  static TemporalConnector grpc() {
    return (address, namespace) -> {
      WorkflowServiceStubs stubs;
      EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory("temporal-client", true));
      try {
        probe(address);
        stubs = WorkflowServiceStubs.newConnectedServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address)
            .setChannelInitializer(b -> ((NettyChannelBuilder) b).eventLoopGroup(loop).channelType(NioSocketChannel.class))
            .build(), CONNECT_TIMEOUT);
      } catch (RuntimeException | java.io.IOException e) {
        loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        throw new CliException(ExitCodes.FAILED, "cannot reach Temporal at " + address
            + ": start the local stack with 'client dev', or point --temporal-address / TEMPORAL_ADDRESS at your server", e);
      }
      WorkflowClient client = WorkflowClient.newInstance(
          stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
      return new TemporalConnection(client, address, namespace, () -> close(stubs, loop));
    };
  }

  /**
   * Waits until the event loop's thread has left its selector. At exit, JDK 17 waits up to 300 ms
   * for every thread still in native code, and gRPC's shared loop lingers a second after its last
   * channel: that was a quarter of {@code client status}'s time.
   */
  private static void close(WorkflowServiceStubs stubs, EventLoopGroup loop) {
    stubs.shutdownNow();
    stubs.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    loop.shutdownGracefully(0, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
  }

  /**
   * A plain TCP connect first: when nothing listens, gRPC's own health check retries for about ten
   * seconds before it gives up; this answers at once.
   */
  private static void probe(String address) throws java.io.IOException {
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || address.contains("/")) {
      return; // not host:port (e.g. a dns:/// target): let gRPC decide
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      return;
    }
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(address.substring(0, colon), port), (int) CONNECT_TIMEOUT.toMillis());
    }
  }
}
