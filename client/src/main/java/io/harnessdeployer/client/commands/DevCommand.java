package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.client.local.LocalStackInfo;
import io.harnessdeployer.client.options.LatencyConverter;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The local stack until Ctrl-C: Temporal's test server, the AWS emulator and a worker in this
 * process. It announces itself in {@code local-stack.json}, so the other commands find it without
 * {@code TEMPORAL_ADDRESS} or {@code AWS_ENDPOINT_URL}.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
    description = "Run the local stack (Temporal test server, AWS emulator, worker) in this process until Ctrl-C.")
public final class DevCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--temporal-port", paramLabel = "PORT", defaultValue = "7233",
      description = "Temporal frontend port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int temporalPort;

  @Option(names = "--aws-port", paramLabel = "PORT", defaultValue = "4566",
      description = "AWS emulator port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int awsPort;

  @Option(names = "--latency", paramLabel = "PROFILE", defaultValue = "instant", converter = LatencyConverter.class,
      description = "Emulator lifecycle delays: instant, realistic, or either with overrides such as"
          + " realistic,ecs.activate=5s (default: ${DEFAULT-VALUE}).")
  String latency;

  @Option(names = "--no-worker", description = "Host no worker: run bin/worker processes against the stack"
      + " (the reliability suite kills them).")
  boolean noWorker;

  /** A port out of range would otherwise surface as a bind exception from deep inside the stack. */
  private static void port(String flag, int port) {
    if (port < 0 || port > 65535) {
      throw CliException.badInput(flag + " " + port + " is not a port: use 1..65535, or 0 for a free one");
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    CliContext ctx = root.context();
    PrintWriter out = spec.commandLine().getOut();
    port("--temporal-port", temporalPort);
    port("--aws-port", awsPort);
    LocalStackFile discovery = new LocalStackFile(ctx.stateDir());
    Optional<LocalStackInfo> running = discovery.live();
    if (running.isPresent()) {
      throw CliException.failed("a local stack is already running (process " + running.get().pid() + ", Temporal "
          + running.get().temporalAddress() + "): use it, or stop it first");
    }
    SealKey key = SealKeys.load(ctx.env(), ctx.home());
    LocalStack.Builder builder = LocalStack.builder()
        .temporalPort(temporalPort)
        .awsPort(awsPort)
        .latency(latency)
        .namespace(TemporalOptions.namespaceFromEnv(ctx.env()))
        .discovery(discovery);
    LocalStack stack = (noWorker ? builder : builder.worker(key)).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      out.println("local stack stopped");
      out.flush();
      stopped.countDown();
    }, "local-stack-stop"));
    LocalStackInfo info = stack.info();
    out.println("Local stack running in process " + info.pid() + ": Temporal test server, AWS emulator, "
        + (noWorker ? "no worker (start bin/worker with the variables below)" : "worker"));
    out.println("  TEMPORAL_ADDRESS=" + info.temporalAddress());
    out.println("  AWS_ENDPOINT_URL=" + info.awsEndpoint());
    out.println("  namespace " + info.namespace() + ", latency " + info.latency() + " (IAM propagation "
        + info.iamPropagation().toMillis() / 1000.0 + " s), seal key " + key.keyId() + " from " + key.origin());
    out.println("Other commands find it through " + discovery.path() + "; Ctrl-C stops it (everything is in memory).");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
