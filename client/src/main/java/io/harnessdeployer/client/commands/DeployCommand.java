package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.deploy.DeployFlags;
import io.harnessdeployer.client.deploy.DeployInputs;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.client.local.LocalStackInfo;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.DeployResult;
import io.harnessdeployer.client.temporal.DeployWatcher;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.Started;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Checks every input, seals the credentials, then starts the deploy workflow, or joins the one
 * already running for this deployment, and follows it to the end.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Deploy the Zscaler MCP Server and its AgentCore Harness (ecs or gateway topology).")
public final class DeployCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;
  @Mixin DeployFlags flags;

  @Option(names = "--no-wait", description = "Return once the deploy has started; follow it with 'status'.")
  boolean noWait;

  @Option(names = "--local", description = "Deploy to the local stack: the running 'client dev', else one started in"
      + " this process for this deploy only (Temporal test server, AWS emulator and worker, all in memory).")
  boolean local;

  @Option(names = "--drift-every", paramLabel = "DURATION", converter = DurationConverter.DriftInterval.class,
      description = "After a successful deploy, schedule drift checks this often (as 'drift schedule --every'),"
          + " e.g. 6h; 1m to 168h.")
  Duration driftEvery;

  @Option(names = "--drift-heal", description = "With --drift-every: the scheduled checks heal drift (run the deploy).")
  boolean driftHeal;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    if (local && (temporal.addressFlagGiven() || aws.endpointUrl() != null)) {
      throw CliException.badInput("--local chooses Temporal and AWS itself: drop --temporal-address and --endpoint-url");
    }
    if (driftHeal && driftEvery == null) {
      throw CliException.badInput("--drift-heal needs --drift-every");
    }
    if (driftEvery != null && noWait) {
      throw CliException.badInput("--drift-every with --no-wait: the schedule follows a successful deploy, which"
          + " --no-wait does not wait for; run 'drift schedule' once it succeeded");
    }
    Optional<LocalStackInfo> running = local ? new LocalStackFile(ctx.stateDir()).live() : Optional.empty();
    if (local && running.isEmpty() && driftEvery != null) {
      throw CliException.badInput("--drift-every with --local needs a running 'client dev': a stack started for this"
          + " deploy would stop, and its checks with it");
    }
    if (local && running.isEmpty() && noWait) {
      throw CliException.badInput("--no-wait with --local needs a running 'client dev': a stack started for this"
          + " deploy would stop at once");
    }
    // where and how: checked before anything is printed, so bad input is one line
    if (!local) {
      Target.check(ctx, temporal, aws);
      refuseRemoteEndpoint(ctx, temporal, aws, "deploy");
    }
    temporal.namespace(ctx.env()); // --local starts its stack in this namespace
    DeployInputs inputs = DeploySettings.resolve(ctx, spec, printer, deployment, flags, aws, true);

    LocalStack own = local && running.isEmpty() ? startLocalStack(ctx, printer) : null;
    try {
      Target target = own != null ? Target.of(own.info())
          : running.map(Target::of).orElseGet(() -> Target.resolve(ctx, temporal, aws));
      if (own == null) {
        target.local().ifPresent(s -> printer.note("[INFO] using the local stack of process " + s.pid()
            + ": Temporal " + s.temporalAddress() + ", AWS " + s.awsEndpoint()));
      }
      DeployRequest request = DeploySettings.forTarget(ctx, target, inputs);
      return deploy(ctx, printer, target, request, own != null);
    } finally {
      if (own != null) {
        own.close();
        printer.note("[INFO] stopped the local stack of this deploy: its workflow history and emulated resources"
            + " are gone (run 'client dev' to keep one running)");
      }
    }
  }

  private int deploy(CliContext ctx, OutputPrinter printer, Target target, DeployRequest request, boolean ownStack) {
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      Deployments deployments = new Deployments(conn);
      ProgressRenderer renderer = new ProgressRenderer(printer.err(), ctx.liveProgress());
      DeployWatcher watcher = new DeployWatcher(deployments, renderer, ctx.clock(), ctx.pollInterval());
      refuseTopologySwitch(deployments, request);
      Started started = deployments.startOrAttach(request);
      if (started.attached()) {
        printer.note("[INFO] a deploy of " + started.deployment() + " is already running (since " + started.startedAt()
            + ", run " + started.runId() + "): following it; it keeps the inputs it was started with");
      } else {
        printer.note("[INFO] started the deploy of " + started.deployment() + " (workflow " + started.workflowId()
            + ", run " + started.runId() + ")");
      }
      watcher.workerWarning().ifPresent(printer::note);
      if (noWait) {
        printer.result(started, out -> out.println(started.workflowId() + " " + started.runId()));
        return ExitCodes.OK;
      }
      int exit = DeployReports.report(printer, watchUntilCtrlC(watcher, renderer, started, request.key(), ownStack),
          request.key(), false, !ownStack);
      if (exit == ExitCodes.OK && driftEvery != null) {
        try {
          printer.note("[INFO] " + DriftScheduling.line(DriftScheduling.schedule(printer, conn, request, driftHeal, driftEvery, flags.onFailureGiven())));
        } catch (RuntimeException e) {
          throw new CliException(ExitCodes.FAILED, "deployed, but its drift checks could not be scheduled: "
              + OneLine.of(String.valueOf(e.getMessage()), 120) + " (run 'drift schedule' to try again)", e);
        }
      }
      return exit;
    }
  }

  /**
   * Ctrl-C (or SIGTERM) ends only the watching: the JVM exits 130 (SIGTERM: 143) after the hook's one line. The
   * workflow is not cancelled; it goes on in the worker, unless that worker is this process's own
   * local stack ({@code --local} without {@code client dev}), which stops with it.
   */
  private DeployResult watchUntilCtrlC(DeployWatcher watcher, ProgressRenderer renderer, Started started,
      DeploymentKey key, boolean ownStack) {
    String line = ownStack ? "[INFO] interrupted: the local stack of this deploy stops"
        + " with this process, and the deploy with it (run 'client dev' to keep a stack running)"
        : "[INFO] interrupted: the deploy of " + key + " goes on in the worker; '" + DeployReports.command("status", key)
        + "' shows it, '" + DeployReports.command("deploy", key) + "' with the same settings follows it again";
    Thread hook = new Thread(() -> renderer.stop(line), "deploy-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return watcher.watch(started.deployment(), started.workflowId(), started.runId());
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running
      }
    }
  }

  /**
   * A deployment keeps its topology (the workflow's preflight refuses a switch by what AWS holds);
   * when its last deploy says which, the refusal comes here, before a run starts.
   */
  static void refuseTopologySwitch(Deployments deployments, DeployRequest request) {
    deployments.deployedTopology(request.key()).filter(t -> t != request.topology()).ifPresent(t -> {
      String was = t.name().toLowerCase(java.util.Locale.ROOT);
      throw CliException.failed("deployment " + request.key() + " was deployed with topology " + was + ", not "
          + request.topology().name().toLowerCase(java.util.Locale.ROOT) + ": destroy it first ("
          + DeployReports.command("destroy", request.key()) + " --topology " + was + "), then deploy");
    });
  }

  /**
   * The worker makes every AWS call of a deploy or destroy, with its own endpoints: an {@code
   * --endpoint-url} would reach only this CLI. Accepted only when it is the local stack's emulator,
   * which that stack's worker uses too.
   */
  static void refuseRemoteEndpoint(CliContext ctx, TemporalOptions temporal, AwsOptions aws, String verb) {
    if (aws.endpointUrl() != null && !Target.resolve(ctx, temporal, aws).awsIsLocal()) {
      throw CliException.badInput("--endpoint-url reaches only this CLI, not the worker that makes the " + verb
          + "'s AWS calls: drop it (set the worker's AWS_ENDPOINT_URL instead), or use --local");
    }
  }

  /**
   * On free ports, so it cannot clash with a Temporal server or emulator already running; not
   * announced in the discovery file, since it goes away with this command.
   */
  private LocalStack startLocalStack(CliContext ctx, OutputPrinter printer) {
    LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0)
        .namespace(temporal.namespace(ctx.env()))
        .worker(SealKeys.load(ctx.env(), ctx.home()))
        .start();
    printer.note("[INFO] started a local stack for this deploy: Temporal " + stack.temporalAddress()
        + ", AWS emulator " + stack.awsEndpoint() + " (latency " + stack.info().latency() + ")");
    return stack;
  }
}
