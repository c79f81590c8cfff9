package io.harnessdeployer.client.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.live.LiveLookup;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.logs.LogGroups;
import io.harnessdeployer.client.logs.LogLine;
import io.harnessdeployer.client.logs.LogReader;
import io.harnessdeployer.client.logs.LogTail;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.DeployedResources;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The deployment's logs from CloudWatch: the harness runtime groups (spec §8.2) and the service's
 * container group, merged in time order, each line with its timestamp and source. {@code --follow}
 * polls until Ctrl-C, which ends it cleanly ("Stopped tailing.", exit 130 as for any SIGINT).
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Show the deployment's harness runtime and service logs; --follow keeps polling until Ctrl-C.")
public final class LogsCommand implements Callable<Integer> {
  public enum Source { harness, service, all }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  @Option(names = "--follow", description = "Keep polling for new events until Ctrl-C.")
  boolean follow;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = "How far back to start, such as 15m or 1h (default: ${DEFAULT-VALUE}).")
  Duration since;

  @Option(names = "--source", paramLabel = "harness|service|all", defaultValue = "all",
      description = "Which logs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Source source;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    Target target = Target.resolve(ctx, temporal, aws);
    DeployedResources deployed;
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      deployed = DeployedResources.of(new Deployments(conn), key);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (AwsClients clients = LiveLookup.clients(target, key.region(), LiveLookup.profile(ctx, deployment.envFile(), aws.profile()))) {
      CloudWatchLogsClient logs = clients.logs(key.region());
      LogReader reader = new LogReader(logs, printer::note);
      AtomicBoolean warned = new AtomicBoolean();
      LogTail tail = new LogTail(start -> reader.read(groups(logs, deployed, printer, warned), start),
          line -> print(out, line), ctx.clock().millis() - since.toMillis());
      if (!follow) {
        tail.once();
        return ExitCodes.OK;
      }
      return follow(tail, printer);
    } catch (SdkException e) {
      throw CliException.failed("reading the logs of " + key + " failed: " + e.getMessage());
    }
  }

  /** Until Ctrl-C: the JVM's shutdown hook stops the loop and waits (briefly) for its last line. */
  private int follow(LogTail tail, OutputPrinter printer) {
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch ended = new CountDownLatch(1);
    Thread loop = Thread.currentThread();
    Thread hook = new Thread(() -> {
      stopping.set(true);
      loop.interrupt();
      try {
        ended.await(1500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "logs-follow-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    printer.note("[INFO] following; Ctrl-C stops");
    try {
      tail.follow(stopping::get, d -> Thread.sleep(d.toMillis()));
    } catch (SdkException e) {
      if (!stopping.get()) {
        throw e;
      }
    } finally {
      if (stopping.get()) {
        printer.note("Stopped tailing.");
      }
      ended.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running
      }
    }
    return ExitCodes.INTERRUPTED;
  }

  /** The groups to read now: the harness's appear with its first invocation, so they are looked up each poll. */
  private List<LogGroups.Group> groups(CloudWatchLogsClient logs, DeployedResources d, OutputPrinter printer,
      AtomicBoolean warned) {
    List<LogGroups.Group> groups = new ArrayList<>();
    if (source != Source.service) {
      List<LogGroups.Group> harness = LogGroups.harness(logs, d.harnessId(), d.harnessName());
      if (harness.isEmpty() && warned.compareAndSet(false, true)) {
        printer.note("[WARN] no harness runtime log group yet: AWS creates it with the first InvokeHarness");
      }
      groups.addAll(harness);
    }
    if (source != Source.harness) {
      if (d.logGroup() != null) {
        groups.add(new LogGroups.Group(LogGroups.SERVICE, d.logGroup()));
      } else if (warned.compareAndSet(false, true)) {
        printer.note("[WARN] this deployment has no service log group (an external MCP URL)");
      }
    }
    return groups;
  }

  private void print(PrintWriter out, LogLine line) {
    if (output.json()) {
      try {
        out.println(JSON.writeValueAsString(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.println(line.text());
    }
    out.flush();
  }
}
