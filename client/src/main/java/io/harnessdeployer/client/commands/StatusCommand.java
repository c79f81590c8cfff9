package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.config.EnvFiles;
import io.harnessdeployer.client.config.ResourceNamesResolver;
import io.harnessdeployer.client.live.FoundResources.Found;
import io.harnessdeployer.client.live.GatewayState;
import io.harnessdeployer.client.live.HarnessState;
import io.harnessdeployer.client.live.RuntimeState;
import io.harnessdeployer.client.live.LiveAws;
import io.harnessdeployer.client.live.LiveLookup;
import io.harnessdeployer.client.live.ServiceState;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.GatewayNameFlags;
import io.harnessdeployer.client.options.ResourceNameFlags;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.output.ProgressRenderer;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.FailedSteps;
import io.harnessdeployer.client.temporal.PendingCalls;
import io.harnessdeployer.client.temporal.StepCalls;
import io.harnessdeployer.client.temporal.StepCalls.StepCall;
import io.harnessdeployer.client.temporal.ProgressRows;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.client.temporal.TemporalErrors;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.topology.GatewayTopology;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.progress.StepState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The deployment as Temporal knows it (the last operation's run, its state and every step) next to
 * what AWS says now about its harness and ECS service. Exit 0 when it succeeded or is running, 3
 * when paused for an operator, 1 when it failed or was rolled back; the live AWS state is shown
 * but does not change the exit code.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the state of a deployment: its last operation, every step, and the live harness and service"
        + " (gateway topology: Runtime, Gateway and target, and the Cognito parts).")
public final class StatusCommand implements Callable<Integer> {
  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  /**
   * What {@code status} prints. Deploy fields are null when the last operation is another kind;
   * {@code harness} and {@code service} are always present, their fields null when not looked up.
   * {@code failedStep} and {@code lastError} are null unless a step's failure still stands (not one
   * an operator retry fixed); {@code retrying} lists the running steps' calls Temporal is retrying.
   */
  public record Status(
      String deployment,
      String workflowId,
      String runId,
      String operation,
      String temporalStatus,
      Instant startedAt,
      Instant closedAt,
      String status,
      String currentStep,
      String failedStep,
      String lastError,
      List<StepState> steps,
      List<StepCall> retrying,
      DeploySummary summary,
      HarnessState harness,
      ServiceState service,
      DestroyReport destroy,
      RuntimeState runtime,
      GatewayState gateway,
      CognitoParts cognito) {}

  /**
   * The gateway topology's Cognito parts, as the deploy recorded them (spec §8.1: not looked up);
   * null for the ecs topology.
   */
  public record CognitoParts(String userPoolId, String audience, String domain, String tokenUrl, String appClientId) {}

  /** What {@code status} prints when Temporal has no run of the deployment: what AWS holds of it. */
  public record FoundInAws(String deployment, String source, List<Found> resources) {}

  public static final String FROM_AWS = "source: AWS (our ownership tags and the deployment's names), not a workflow"
      + " history: Temporal has no run of this deployment (retention dropped it, or a deploy --local ended)";

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    Target.check(ctx, temporal, aws);
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws); // checks --profile too, before any call
    Target target = Target.resolve(ctx, temporal, aws);
    String profile = LiveLookup.profile(ctx, deployment.envFile(), aws.profile());
    org.slf4j.LoggerFactory.getILoggerFactory(); // logging set up first, by one thread (two at once: SLF4J warns)
    // Temporal's calls and AWS's overlap: the clients are set up meanwhile, the lookups start as
    // soon as the deploy's result names the resources, while the progress query still runs
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "status");
      t.setDaemon(true);
      return t;
    });
    CompletableFuture<LiveAws> warm = CompletableFuture.supplyAsync(
        () -> ctx.aws().open(target, key.region(), profile).warm(key.region()), pool);
    LiveClients clients = new LiveClients(warm, () -> ctx.aws().open(target, key.region(), profile), key.region());
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      Deployments deployments = new Deployments(conn);
      java.util.Optional<WorkflowExecutionDescription> run = deployments.describe(key);
      if (run.isEmpty()) {
        return fromAws(printer, key, target, ctx, profile);
      }
      Status status = status(deployments, key, run.get(), clients, pool);
      printer.result(status, out -> text(out, status, key, ctx));
      return exitCode(status.status());
    } finally {
      clients.close();
      pool.shutdown();
    }
  }

  /** Exit 0, as for a deployment that succeeded; nothing found either: today's "no deployment". */
  private int fromAws(OutputPrinter printer, DeploymentKey key, Target target, CliContext ctx, String profile) {
    ConfigResolver config = new ConfigResolver(ctx.env(), EnvFiles.load(ctx.cwd(), deployment.envFile()), ctx.prompter());
    ResourceNames names = ResourceNamesResolver.resolve(config, new ResourceNameFlags(), new GatewayNameFlags(),
        deployment.name(), key.region()).names(); // as deploy named them, from the same settings
    List<Found> found;
    try (LiveAws live = ctx.aws().open(target, key.region(), profile)) {
      found = live.resources(key, names);
    }
    if (found.isEmpty()) {
      throw Deployments.noDeployment(key);
    }
    FoundInAws result = new FoundInAws(key.toString(), FROM_AWS, found);
    printer.result(result, out -> {
      out.println(key + ": " + found.size() + (found.size() == 1 ? " resource" : " resources")
          + " in AWS, no workflow history");
      out.printf("  %-18s %-48s %-12s %s%n", "KIND", "NAME", "STATE", "ARN / ID");
      for (Found f : found) {
        out.printf("  %-18s %-48s %-12s %s%n", f.kind(), f.name(), f.state(), f.id() == null ? "-" : f.id());
      }
      out.println("(" + FROM_AWS + ")");
    });
    return ExitCodes.OK;
  }

  private Status status(Deployments deployments, DeploymentKey key, WorkflowExecutionDescription d, LiveClients clients,
      ExecutorService pool) {
    String runId = d.getExecution().getRunId();
    String temporalStatus = d.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    boolean completed = d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    CompletableFuture<DeployProgress> progress = CompletableFuture.completedFuture(null);
    DeploySummary summary = null;
    CompletableFuture<LiveClients.Found> early = null;
    if (Deployments.DEPLOY_TYPE.equals(d.getWorkflowType())) {
      progress = CompletableFuture.supplyAsync(() -> deployments.typed(key.workflowId(), runId).progress(), pool);
      if (completed) {
        try {
          summary = deployments.stub(key.workflowId(), runId).getResult(5, TimeUnit.SECONDS, DeploySummary.class);
        } catch (Exception e) {
          summary = null; // result not retrievable (history gone): the progress still tells
        }
      }
      if (summary != null) {
        LiveClients.Ids ids = LiveClients.Ids.of(summaryOnly(key, d, summary));
        early = CompletableFuture.supplyAsync(() -> clients.lookUp(ids), pool);
      }
    }
    DeployProgress p = progress(progress, deployments);
    DestroyReport destroyed = null;
    if (Deployments.DESTROY_TYPE.equals(d.getWorkflowType()) && completed) {
      try {
        destroyed = deployments.destroyStub(key.workflowId(), runId).getResult(5, TimeUnit.SECONDS, DestroyReport.class);
      } catch (Exception e) {
        destroyed = null; // result not retrievable (history gone): the status line still tells
      }
    }
    String state = p != null ? p.status().name() : destroyed != null ? destroyed.status().name() : temporalStatus;
    List<StepCall> retrying = p == null || !Deployments.open(d) ? List.of()
        : List.copyOf(retried(deployments, key, runId, p).values());
    Status s = new Status(key.toString(), key.workflowId(), runId, d.getWorkflowType(), temporalStatus,
        d.getStartTime(), d.getCloseTime(), state,
        p == null ? null : p.currentStep(), FailedSteps.of(p).map(StepState::id).orElse(null), FailedSteps.lastError(p),
        p == null ? List.of() : p.steps(), retrying, summary, HarnessState.unknown(null), ServiceState.unknown(null),
        destroyed, RuntimeState.unknown(null), GatewayState.unknown(null), null);
    return withLiveState(s, key.region(), clients, early);
  }

  /** The query's answer; null when it failed, unless Temporal itself is unreachable. */
  private static DeployProgress progress(CompletableFuture<DeployProgress> progress, Deployments deployments) {
    try {
      return progress.join();
    } catch (java.util.concurrent.CompletionException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
      RuntimeException unreachable = TemporalErrors.translate(cause, deployments.connection());
      if (unreachable != cause) {
        throw unreachable;
      }
      return null;
    }
  }

  /** What the ids are known from before the steps arrive: the deploy's result alone. */
  private static Status summaryOnly(DeploymentKey key, WorkflowExecutionDescription d, DeploySummary summary) {
    return new Status(key.toString(), key.workflowId(), null, d.getWorkflowType(), null, null, null, null, null, null,
        null, List.of(), List.of(), summary, null, null, null, null, null, null);
  }

  /** Not fatal: the steps still show when the describe fails (unless Temporal is gone). */
  private static Map<String, StepCall> retried(Deployments deployments, DeploymentKey key, String runId, DeployProgress p) {
    try {
      return StepCalls.match(p.steps(), PendingCalls.fetch(deployments.connection(), key.workflowId(), runId));
    } catch (RuntimeException e) {
      RuntimeException unreachable = TemporalErrors.translate(e, deployments.connection());
      if (unreachable != e) {
        throw unreachable;
      }
      return Map.of();
    }
  }

  /**
   * Looks up the harness and service, or Runtime and Gateway, this deploy made (ids from its
   * summary, else its steps); the early lookup counts when it asked for the same ids.
   */
  private static Status withLiveState(Status s, String region, LiveClients clients,
      CompletableFuture<LiveClients.Found> early) {
    LiveClients.Ids ids = LiveClients.Ids.of(s);
    CognitoParts cognito = cognito(s, region);
    if (ids.none()) {
      return cognito == null ? s : with(s, s.harness(), s.service(), s.runtime(), s.gateway(), cognito);
    }
    LiveClients.Found f = early != null && early.join().ids().equals(ids) ? early.join() : clients.lookUp(ids);
    return with(s, f.harness(), f.service(), f.runtime(), f.gateway(), cognito);
  }

  private static Status with(Status s, HarnessState harness, ServiceState service, RuntimeState runtime,
      GatewayState gateway, CognitoParts cognito) {
    return new Status(s.deployment(), s.workflowId(), s.runId(), s.operation(), s.temporalStatus(), s.startedAt(),
        s.closedAt(), s.status(), s.currentStep(), s.failedStep(), s.lastError(), s.steps(), s.retrying(), s.summary(),
        harness, service, s.destroy(), runtime, gateway, cognito);
  }

  /** What a step of this run ensured: its id in the summary, else on the board. */
  static String idOf(Status s, String stepId) {
    if (s.summary() != null && s.summary().resources() != null) {
      for (var r : s.summary().resources()) {
        if (r.step().equals(stepId) && r.id() != null) {
          return r.id();
        }
      }
    }
    return resourceOf(s, stepId);
  }

  /** Null unless this run got as far as the user pool (the gateway topology). */
  private static CognitoParts cognito(Status s, String region) {
    String pool = idOf(s, GatewayTopology.USER_POOL);
    if (pool == null) {
      return null;
    }
    String domain = idOf(s, GatewayTopology.DOMAIN);
    return new CognitoParts(pool, idOf(s, GatewayTopology.RESOURCE_SERVER), domain,
        domain == null ? null : Names.cognitoTokenUrl(domain, region), idOf(s, GatewayTopology.APP_CLIENT));
  }

  private static String resourceOf(Status s, String stepId) {
    return s.steps().stream().filter(st -> st.id().equals(stepId) && st.outcome() != null)
        .map(StepState::resourceId).findFirst().orElse(null);
  }

  private void text(PrintWriter out, Status s, DeploymentKey key, CliContext ctx) {
    out.println(s.deployment() + ": " + s.status() + " (" + s.operation() + " " + s.temporalStatus().toLowerCase(java.util.Locale.ROOT)
        + ", started " + s.startedAt() + (s.closedAt() == null ? "" : ", ended " + s.closedAt()) + ")");
    if (s.lastError() != null) {
      out.println("Last error" + (s.failedStep() == null ? "" : " at " + s.failedStep()) + ": "
          + OneLine.of(stepError(s), ProgressRenderer.MAX_DETAIL));
    }
    if (!s.steps().isEmpty()) {
      Map<String, StepCall> calls = new LinkedHashMap<>();
      s.retrying().forEach(c -> calls.put(c.step(), c));
      ProgressRenderer.table(out, ProgressRows.of(new DeployProgress(s.deployment(), null, s.currentStep(), s.steps(), null, List.of()),
          calls, ctx.clock().millis()));
    }
    if (s.summary() != null) {
      DeployReports.summary(out, s.summary(), key);
    }
    if (s.destroy() != null) {
      DestroyReports.table(out, s.destroy()); // what it deleted, by the names it used
    }
    if (s.harness().id() != null || s.service().arn() != null || s.runtime().id() != null || s.gateway().id() != null) {
      out.println("AWS now:");
      live(out, "Harness", s.harness().id(), s.harness().status(), null, s.harness().error());
      live(out, "ECS service", s.service().arn(), s.service().status(),
          s.service().endpoint() == null ? null : "https://" + s.service().endpoint(), s.service().error());
      gatewayParts(out, s);
    }
    if (s.cognito() != null) {
      CognitoParts c = s.cognito();
      out.println("Cognito (as deployed):");
      row(out, "User pool", c.userPoolId());
      row(out, "Audience", c.audience());
      row(out, "Domain", c.domain());
      row(out, "Token URL", c.tokenUrl());
      row(out, "App client", c.appClientId());
    }
  }

  /** Spec §8.1's Runtime and Gateway blocks: name, id, status, image or URL, the target's status. */
  private static void gatewayParts(PrintWriter out, Status s) {
    RuntimeState r = s.runtime();
    if (r.id() != null) {
      live(out, "Runtime", r.id(), r.status(), r.name() == null ? null : "(" + r.name() + ")", r.error());
      String arn = r.arn() != null ? r.arn() : idOf(s, GatewayTopology.RUNTIME);
      row(out, "  image", r.image());
      row(out, "  MCP URL", Names.runtimeMcpUrl(arn));
    }
    GatewayState g = s.gateway();
    if (g.id() != null) {
      live(out, "Gateway", g.id(), g.status(), g.name() == null ? null : "(" + g.name() + ")", g.error());
      row(out, "  URL", g.url() != null ? g.url() : s.summary() == null ? null : s.summary().mcpUrl());
      if (g.targetId() != null) {
        live(out, "Gateway target", g.targetId(), g.targetStatus(), g.targetName() == null ? null : "(" + g.targetName() + ")",
            null);
      }
    }
  }

  private static void row(PrintWriter out, String label, String value) {
    if (value != null && !value.isBlank()) {
      out.printf("  %-20s %s%n", label, value);
    }
  }

  /** The failed step's own words: the deploy's line starts with the step id already named. */
  private static String stepError(Status s) {
    return s.steps().stream().filter(st -> st.id().equals(s.failedStep()) && st.lastError() != null)
        .map(StepState::lastError).findFirst().orElse(s.lastError());
  }

  private static void live(PrintWriter out, String label, String id, String status, String extra, String error) {
    if (id == null) {
      return;
    }
    String state = error != null ? "unknown (" + error + ")" : status;
    out.printf("  %-20s %s %s%s%n", label, state, id, extra == null ? "" : " " + extra);
  }

  static int exitCode(String status) {
    if (status.equals(DeployStatus.PAUSED.name())) {
      return ExitCodes.PAUSED;
    }
    return switch (status) {
      case "SUCCEEDED", "RUNNING", "ROLLING_BACK", "COMPLETED" -> ExitCodes.OK;
      default -> ExitCodes.FAILED;
    };
  }
}
