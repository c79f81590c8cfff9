package io.harnessdeployer.client;

import java.util.concurrent.CompletableFuture;

/**
 * Work a command would do on its own thread, started on the second core while picocli (the main
 * thread's first 150 ms) builds its model: logging set-up, then the Temporal client's heaviest
 * classes (the service's protobuf descriptors, gRPC's channel builder, the data converter). Nothing
 * here connects anywhere or fails a command; a class it touches is only initialised earlier.
 */
final class StartUp {
  private final CompletableFuture<Void> logging;

  private StartUp(CompletableFuture<Void> logging) {
    this.logging = logging;
  }

  /** Nothing for help and version requests, which need neither. */
  static StartUp begin(String[] args) {
    if (args.length == 0 || args[0].startsWith("-") || args[0].equals("help")) {
      return new StartUp(CompletableFuture.completedFuture(null));
    }
    CompletableFuture<Void> logging = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        org.slf4j.LoggerFactory.getILoggerFactory();
      } finally {
        logging.complete(null);
      }
      try {
        io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.getServiceDescriptor();
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget("127.0.0.1:7233");
        io.temporal.common.converter.DefaultDataConverter.newDefaultInstance();
      } catch (RuntimeException | LinkageError e) {
        // only a head start: the command initialises these again and reports what fails
      }
    }, "start-up");
    t.setDaemon(true);
    t.start();
    return new StartUp(logging);
  }

  /**
   * SLF4J hands a second thread that asks during its set-up substitute loggers, and later warns on
   * stderr: the command runs once it is done.
   */
  void awaitLogging() {
    logging.join();
  }
}
