package io.harnessdeployer.workflows.deploy;

import static io.harnessdeployer.workflows.common.FailureTypes.UNHEALTHY;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.common.StepOptions;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.TimerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deploy plan and the body of each step: which activity it calls, with what, and how it is
 * undone. Holds what earlier steps produced for later ones. Workflow code: deterministic.
 */
final class DeploySteps {
  /** Change id: wait for the rollout of this run's own service too (see {@link #rolledOut}). */
  static final String ROLLOUT_OF_OWN_SERVICE = "rollout-of-own-service";

  /** Change id: a cancel waits for the in-flight AWS call before rolling back (StepOptions#awsCall). */
  static final String WAIT_FOR_CANCELED_CALLS = "wait-for-canceled-calls";

  private final DeployRequest req;
  private final ResourceNames names;
  private final Scope scope;
  private final String clientToken;
  private final List<ResourceOutcome> resources = new ArrayList<>();

  private CallerIdentity identity;
  private SecretRef secret;
  private ResourceRef taskRole;
  private ResourceRef infraRole;
  private ResourceRef cluster;
  private ResourceRef logGroup;
  private ServiceRef service;
  private ServiceRef hostUpdate;
  private String fqdn;
  private String mcpUrl;
  private ResourceRef provider;
  private ResourceRef harnessRole;
  private HarnessRef harness;
  private HarnessStatus harnessStatus;

  DeploySteps(DeployRequest req, Scope scope, String clientToken) {
    this.req = req;
    this.names = req.names();
    this.scope = scope;
    this.clientToken = clientToken;
    this.mcpUrl = req.ecsHost() ? null : ContainerEnv.normaliseMcpUrl(req.externalMcpUrl());
  }

  /** The steps in the seed's true dependency order (spec §2.1). */
  List<Step> plan() {
    List<Step> plan = new ArrayList<>();
    plan.add(new Step("preflight", "AWS identity and image check", this::preflight, null));
    if (req.ecsHost()) {
      plan.add(new Step("secret", secretTitle(), this::secret,
          req.secretMode() == SecretMode.MANAGED ? this::undoSecret : null));
      plan.add(new Step("task-execution-role", "IAM role " + names.taskExecutionRole(),
          this::taskExecutionRole, () -> undoRole("task-execution-role", names.taskExecutionRole())));
      plan.add(new Step("infrastructure-role", "IAM role " + names.infrastructureRole(),
          this::infrastructureRole, () -> undoRole("infrastructure-role", names.infrastructureRole())));
      plan.add(new Step("cluster", "ECS cluster " + names.cluster(), this::cluster, this::undoCluster));
      plan.add(new Step("log-group", "Log group " + names.logGroup(), this::logGroup, this::undoLogGroup));
      plan.add(new Step("service", "ECS Express service " + names.service(), this::service, this::undoService));
      plan.add(new Step("service-active", "Service ACTIVE with a public endpoint", this::serviceActive, null));
      plan.add(new Step("allowed-hosts", "Endpoint host in ZSCALER_MCP_ALLOWED_HOSTS", this::allowedHosts, null));
      plan.add(new Step("service-rollout", "Second rollout finished", this::serviceRollout, null));
      plan.add(new Step("health", "GET /health answers 200", this::health, null));
    }
    plan.add(new Step("credential-provider", "Token Vault API-key provider " + names.apiKeyProvider(),
        this::provider, this::undoProvider));
    plan.add(new Step("harness-role", "IAM role " + names.harnessRole(), this::harnessRole,
        () -> undoRole("harness-role", names.harnessRole())));
    plan.add(new Step("harness", "Harness " + names.harness(), this::harness, this::undoHarness));
    plan.add(new Step("harness-ready", "Harness READY", this::harnessReady, null));
    return plan;
  }

  // ---- steps ----

  private StepResult preflight() {
    identity = aws(StsActivities.class, "preflight", "STS GetCallerIdentity").callerIdentity(scope);
    if (!req.ecsHost()) {
      return StepResult.checked("account " + identity.account());
    }
    String arch;
    try {
      arch = aws(EcrActivities.class, "preflight", "image architecture of " + req.imageUri())
          .checkImageArchitecture(new ImageCheck(scope, req.imageUri())).verdict().name();
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        throw e;
      }
      arch = "SKIPPED"; // advisory only (spec §9.1)
    }
    return StepResult.checked("account " + identity.account() + ", image " + arch);
  }

  private StepResult secret() {
    if (req.secretMode() == SecretMode.PLAINTEXT) {
      return StepResult.skipped("plaintext: credentials go into the container env");
    }
    boolean byo = req.secretMode() == SecretMode.BRING_YOUR_OWN;
    String id = byo ? req.byoSecretId() : names.secret();
    secret = aws(SecretsActivities.class, "secret", "ensure secret " + id)
        .ensureSecret(new SecretSpec(scope, req.secretMode(), id, byo ? null : req.credentials()));
    return record("secret", "secret", secret.arn(), secret.outcome());
  }

  private StepResult taskExecutionRole() {
    String name = names.taskExecutionRole();
    taskRole = aws(IamActivities.class, "task-execution-role", "ensure IAM role " + name)
        .ensureTaskExecutionRole(new TaskExecutionRoleSpec(scope, name, req.imageUri(), secretArn()));
    return role("task-execution-role", taskRole);
  }

  private StepResult infrastructureRole() {
    String name = names.infrastructureRole();
    infraRole = aws(IamActivities.class, "infrastructure-role", "ensure IAM role " + name)
        .ensureInfrastructureRole(new RoleSpec(scope, name));
    return role("infrastructure-role", infraRole);
  }

  private StepResult cluster() {
    cluster = aws(EcsActivities.class, "cluster", "ensure ECS cluster " + names.cluster())
        .ensureCluster(new ClusterSpec(scope, names.cluster()));
    return record("cluster", "ecs-cluster", cluster.name(), cluster.outcome());
  }

  private StepResult logGroup() {
    logGroup = aws(LogsActivities.class, "log-group", "ensure log group " + names.logGroup())
        .ensureLogGroup(new LogGroupSpec(scope, names.logGroup()));
    return record("log-group", "log-group", logGroup.name(), logGroup.outcome());
  }

  private StepResult service() {
    service = aws(EcsActivities.class, "service", "ensure ECS Express service " + names.service())
        .ensureService(serviceSpec(null));
    return record("service", "ecs-service", service.serviceArn(), service.outcome());
  }

  private StepResult serviceActive() {
    EcsActivities ecs = poll(EcsActivities.class, "service-active",
        "wait for " + names.service() + " ACTIVE", req.serviceTimeout());
    WaitSpec wait = new WaitSpec(scope, service.serviceArn(), req.serviceTimeout(), Names.SERVICE_POLL_INTERVAL);
    ServiceStatus status = rolledOut(service)
        ? ecs.awaitServiceRollout(wait)
        : ecs.awaitServiceActive(wait);
    fqdn = ContainerEnv.hostOf(requireEndpoint(status));
    mcpUrl = ContainerEnv.normaliseMcpUrl("https://" + fqdn);
    return StepResult.checked(fqdn);
  }

  private StepResult allowedHosts() {
    hostUpdate = aws(EcsActivities.class, "allowed-hosts", "merge " + fqdn + " into allowed hosts")
        .ensureService(serviceSpec(fqdn));
    return StepResult.of(hostUpdate.serviceArn(), hostUpdate.outcome());
  }

  private StepResult serviceRollout() {
    if (!rolledOut(hostUpdate)) {
      return StepResult.skipped("env already up to date");
    }
    ServiceStatus status = poll(EcsActivities.class, "service-rollout",
        "wait for " + names.service() + " rollout", req.serviceTimeout())
        .awaitServiceRollout(new WaitSpec(scope, service.serviceArn(), req.serviceTimeout(),
            Names.SERVICE_POLL_INTERVAL));
    requireEndpoint(status);
    return StepResult.checked(status.status());
  }

  private StepResult health() {
    String url = "https://" + fqdn + Names.HEALTH_CHECK_PATH;
    HealthResult result = poll(HealthActivities.class, "health", "GET " + url, Names.HEALTH_TIMEOUT)
        .awaitHealthy(new WaitSpec(scope, url, Names.HEALTH_TIMEOUT, Names.HEALTH_POLL_INTERVAL));
    return StepResult.checked(url + " → " + result.httpStatus());
  }

  private StepResult provider() {
    String name = names.apiKeyProvider();
    provider = aws(AgentCoreActivities.class, "credential-provider", "ensure API-key provider " + name)
        .ensureApiKeyProvider(new ApiKeyProviderSpec(scope, name, req.credentials()));
    return record("credential-provider", "api-key-provider", provider.arn(), provider.outcome());
  }

  private StepResult harnessRole() {
    String name = names.harnessRole();
    harnessRole = aws(IamActivities.class, "harness-role", "ensure IAM role " + name)
        .ensureHarnessRole(new HarnessRoleSpec(scope, name, identity.account(), names.harness()));
    return role("harness-role", harnessRole);
  }

  private StepResult harness() {
    harness = aws(AgentCoreActivities.class, "harness", "ensure harness " + names.harness())
        .ensureHarness(new HarnessSpec(scope, names.harness(), harnessRole.arn(), req.modelId(),
            mcpUrl, provider.arn(), clientToken).withConfig(req.harness()));
    return record("harness", "harness", harness.harnessId(), harness.outcome());
  }

  private StepResult harnessReady() {
    harnessStatus = poll(AgentCoreActivities.class, "harness-ready",
        "wait for harness " + harness.harnessId() + " READY", Names.HARNESS_READY_TIMEOUT)
        .awaitHarnessReady(new WaitSpec(scope, harness.harnessId(), Names.HARNESS_READY_TIMEOUT,
            Names.HARNESS_POLL_INTERVAL));
    return StepResult.checked(harnessStatus.status());
  }

  // ---- undo: only what carries this run's tag (DeleteMode.THIS_RUN) ----

  private String undoSecret() {
    return undo(SecretsActivities.class, "secret", "delete secret " + names.secret())
        .deleteSecret(new SecretDelete(scope, DeleteMode.THIS_RUN, names.secret(), false))
        .outcome().name();
  }

  private String undoRole(String step, String name) {
    return undo(IamActivities.class, step, "delete IAM role " + name)
        .deleteRole(new ResourceDelete(scope, DeleteMode.THIS_RUN, name)).outcome().name();
  }

  private String undoCluster() {
    EcsActivities ecs = Workflow.newActivityStub(EcsActivities.class, StepOptions.untilNotBusy(
        "cluster: delete ECS cluster " + clusterName(), Names.CLUSTER_DELETE_RETRY_INTERVAL,
        Names.CLUSTER_DELETE_TIMEOUT));
    return ecs.deleteCluster(new ResourceDelete(scope, DeleteMode.THIS_RUN, clusterName()))
        .outcome().name();
  }

  private String undoLogGroup() {
    return undo(LogsActivities.class, "log-group", "delete log group " + names.logGroup())
        .deleteLogGroup(new ResourceDelete(scope, DeleteMode.THIS_RUN, names.logGroup()))
        .outcome().name();
  }

  private String undoService() {
    DeleteResult deleted = undo(EcsActivities.class, "service", "delete ECS service " + names.service())
        .deleteService(new ServiceDelete(scope, DeleteMode.THIS_RUN, clusterName(), names.service()));
    if (deleted.outcome() != DeleteOutcome.DELETED) {
      return deleted.outcome().name();
    }
    poll(EcsActivities.class, "service", "wait for " + names.service() + " gone", Names.SERVICE_GONE_TIMEOUT)
        .awaitServiceGone(new WaitSpec(scope, deleted.id(), Names.SERVICE_GONE_TIMEOUT,
            Names.SERVICE_POLL_INTERVAL));
    String family = Names.taskDefinitionFamily(clusterName(), names.service());
    undo(EcsActivities.class, "service", "delete task definitions " + family)
        .deleteTaskDefinitions(new TaskDefinitionCleanup(scope, family));
    return deleted.outcome().name();
  }

  private String undoProvider() {
    return undo(AgentCoreActivities.class, "credential-provider", "delete API-key provider " + names.apiKeyProvider())
        .deleteApiKeyProvider(new ResourceDelete(scope, DeleteMode.THIS_RUN, names.apiKeyProvider()))
        .outcome().name();
  }

  private String undoHarness() {
    DeleteResult deleted = undo(AgentCoreActivities.class, "harness", "delete harness " + names.harness())
        .deleteHarness(new ResourceDelete(scope, DeleteMode.THIS_RUN, names.harness()));
    if (deleted.outcome() == DeleteOutcome.DELETED) {
      poll(AgentCoreActivities.class, "harness", "wait for harness gone", Names.HARNESS_GONE_TIMEOUT)
          .awaitHarnessGone(new WaitSpec(scope, deleted.id(), Names.HARNESS_GONE_TIMEOUT,
              Names.HARNESS_POLL_INTERVAL));
    }
    return deleted.outcome().name();
  }

  // ---- result ----

  DeploySummary summary() {
    boolean ecs = req.ecsHost();
    String host = ecs
        ? "ECS Express — " + names.service() + " (cluster: " + clusterName() + ")"
        : "External (user-provided)";
    String console = "https://" + scope.region() + ".console.aws.amazon.com/bedrock-agentcore/home?region="
        + scope.region() + "#/harnesses/" + harness.harnessId();
    return new DeploySummary(scope.deployment().tagValue(), DeployStatus.SUCCEEDED,
        harness.harnessId(), harness.harnessArn(), harness.harnessName(), harnessStatus.status(),
        req.modelId(), mcpUrl, host, harnessRole.arn(), provider.arn(),
        ecs ? taskRole.arn() : null, ecs ? infraRole.arn() : null, ecs ? clusterName() : null,
        ecs ? service.serviceArn() : null, ecs ? logGroup.name() : null,
        ecs ? req.secretMode() : null, secret == null ? null : secret.name(),
        secret == null ? null : secret.arn(), console, List.copyOf(resources));
  }

  // ---- helpers ----

  private String secretTitle() {
    return switch (req.secretMode()) {
      case MANAGED -> "Secret " + names.secret();
      case BRING_YOUR_OWN -> "Secret " + req.byoSecretId() + " (bring your own)";
      case PLAINTEXT -> "Secret: none (plaintext opt-out)";
    };
  }

  private ServiceSpec serviceSpec(String allowedHost) {
    List<String> keys = secret == null ? List.of() : secret.keys();
    Map<String, String> env = ContainerEnv.forService(req.containerEnv(), keys);
    return new ServiceSpec(scope, clusterName(), names.service(), taskRole.arn(), infraRole.arn(),
        req.imageUri(), logGroup.name(), env, secretArn(), keys,
        req.secretMode() == SecretMode.PLAINTEXT ? req.credentials() : null, allowedHost);
  }

  private String secretArn() {
    return secret == null ? null : secret.arn();
  }

  private String clusterName() {
    return cluster == null ? names.cluster() : cluster.name();
  }

  /**
   * Whether ensureService started a rollout. This run's own service stays CREATED when updated, so
   * {@code changes} says it (see {@code EcsActivities#ensureService}); version 0 looked only at
   * UPDATED and skipped the allowed-hosts rollout wait of every first deploy.
   */
  private static boolean rolledOut(ServiceRef ref) {
    if (ref.outcome() == Outcome.UPDATED) {
      return true;
    }
    return !ref.changes().isEmpty()
        && Workflow.getVersion(ROLLOUT_OF_OWN_SERVICE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private static String requireEndpoint(ServiceStatus status) {
    if (!"ACTIVE".equals(status.status()) || status.endpoint() == null || status.endpoint().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("service " + status.serviceArn() + " is "
          + status.status() + " without a PUBLIC endpoint; its ALB may still be wiring up", UNHEALTHY);
    }
    return status.endpoint();
  }

  /**
   * A new role is not usable everywhere at once: wait before anything assumes it (spec §10.4). A
   * zero wait (the local emulator) starts no timer; histories recorded before the wait became part
   * of the request carry none, so they default to the spec's wait and replay unchanged.
   */
  private StepResult role(String step, ResourceRef role) {
    if (role.outcome() == Outcome.CREATED && !req.iamPropagation().isZero()) {
      Workflow.newTimer(req.iamPropagation(), TimerOptions.newBuilder()
          .setSummary(step + ": IAM propagation of " + role.name()).build()).get();
    }
    return record(step, "iam-role", role.arn(), role.outcome());
  }

  private StepResult record(String step, String kind, String id, Outcome outcome) {
    resources.removeIf(r -> r.step().equals(step));
    resources.add(new ResourceOutcome(step, kind, id, outcome));
    return StepResult.of(id, outcome);
  }

  private static <T> T aws(Class<T> type, String step, String what) {
    ActivityOptions options = StepOptions.awsCall(step + ": " + what);
    if (!waitsForCanceledCalls()) {
      // version 0: a cancel compensated at once, racing the in-flight create
      options = ActivityOptions.newBuilder(options).setCancellationType(ActivityCancellationType.TRY_CANCEL).build();
    }
    return stub(type, options);
  }

  /**
   * Whether a cancel lets the in-flight AWS call end (and the step record what it made) before the
   * rollback; the deploy must then stop before the next step. Version 0 did neither.
   */
  static boolean waitsForCanceledCalls() {
    return Workflow.getVersion(WAIT_FOR_CANCELED_CALLS, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private static <T> T poll(Class<T> type, String step, String what, Duration timeout) {
    return stub(type, StepOptions.poll(step + ": " + what, timeout));
  }

  private static <T> T undo(Class<T> type, String step, String what) {
    return stub(type, StepOptions.compensation("undo " + step + ": " + what));
  }

  private static <T> T stub(Class<T> type, ActivityOptions options) {
    return Workflow.newActivityStub(type, options);
  }
}
