package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.common.Names.*;
import static io.harnessdeployer.workflows.steps.DeleteMode.DEPLOYMENT;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.common.StepOptions;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyStep.Done;
import io.harnessdeployer.workflows.steps.*;
import io.harnessdeployer.workflows.topology.Settings;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The destroy plan, the deploy's dependency order reversed (spec §7.2), and the body of each
 * step. Every delete runs in whole-deployment mode: it removes what carries this deployment's tag,
 * whichever run created it, and keeps what does not. Two deletes depend on the service's: its task
 * definitions (whose they are) and its infrastructure role (ECS needs it to tear the service down).
 * Workflow code: deterministic.
 */
final class DestroySteps {
  private static final String KEEP_ECS = Settings.KEEP_ECS;
  private static final String KEEP_ROLE = Settings.KEEP_ROLE;
  private static final String KEEP_SECRET = Settings.KEEP_SECRET;

  private final DestroyRequest req;
  private final ResourceNames names;
  private final Scope scope;
  private final String family;
  /** The service delete's outcome, which says whose the task definitions are; null: unknown. */
  private DeleteOutcome service;
  /** Why the service may still exist (its delete failed, or it still drains); null: it is gone. */
  private String serviceRemains;

  DestroySteps(DestroyRequest req, Scope scope) {
    this.req = req;
    this.names = req.names();
    this.scope = scope;
    this.family = taskDefinitionFamily(names.cluster(), names.service());
  }

  List<DestroyStep> plan() {
    String ecs = req.keepEcs() ? KEEP_ECS : null;
    String roles = req.keepRole() ? KEEP_ROLE : null;
    List<DestroyStep> plan = new ArrayList<>();
    plan.add(new DestroyStep("harness", "Harness " + names.harness(), "harness", names.harness(),
        null, this::harness));
    plan.add(new DestroyStep("credential-provider", "Token Vault API-key provider " + names.apiKeyProvider(),
        "api-key-provider", names.apiKeyProvider(), null, this::provider));
    plan.add(role("harness-role", names.harnessRole(), roles));
    plan.add(new DestroyStep("service", "ECS Express service " + names.service(), "ecs-service",
        names.service(), ecs, this::service));
    plan.add(new DestroyStep("task-definitions", "Task definitions " + family, "task-definitions",
        family, ecs, this::taskDefinitions));
    plan.add(new DestroyStep("log-group", "Log group " + names.logGroup(), "log-group",
        names.logGroup(), ecs, this::logGroup));
    plan.add(new DestroyStep("cluster", "ECS cluster " + names.cluster(), "ecs-cluster",
        names.cluster(), ecs, this::cluster));
    plan.add(role("task-execution-role", names.taskExecutionRole(), roles));
    plan.add(new DestroyStep("infrastructure-role", "IAM role " + names.infrastructureRole(), "iam-role",
        names.infrastructureRole(), roles, this::infrastructureRole));
    plan.add(new DestroyStep("secret", "Secret " + names.secret(), "secret", names.secret(),
        req.keepSecret() ? KEEP_SECRET : null, this::secret));
    if (byoSecret() != null && !byoSecret().equals(names.secret())) {
      plan.add(new DestroyStep("byo-secret", "Secret " + byoSecret() + " (bring your own)", "secret",
          byoSecret(), null, () -> notOurs("bring-your-own secret: never written or deleted")));
    }
    if (req.externalMcpUrl() != null && !req.externalMcpUrl().isBlank()) {
      String url = req.externalMcpUrl().trim();
      plan.add(new DestroyStep("mcp-server", "MCP server " + url + " (external)", "mcp-server", url,
          null, () -> notOurs("external MCP server: never touched")));
    }
    return plan;
  }

  List<String> notes() {
    return io.harnessdeployer.workflows.topology.DestroyNotes.of(req);
  }

  // ---- steps ----

  private Done harness() {
    DeleteResult deleted = delete(AgentCoreActivities.class, "harness", "delete harness " + names.harness())
        .deleteHarness(new ResourceDelete(scope, DEPLOYMENT, names.harness()));
    if (deleted.outcome() == DeleteOutcome.DELETED) {
      poll(AgentCoreActivities.class, "harness", "wait for harness " + deleted.id() + " gone",
          HARNESS_GONE_TIMEOUT)
          .awaitHarnessGone(new WaitSpec(scope, deleted.id(), HARNESS_GONE_TIMEOUT, HARNESS_POLL_INTERVAL));
    }
    return Done.of(deleted);
  }

  private Done provider() {
    return Done.of(delete(AgentCoreActivities.class, "credential-provider",
        "delete API-key provider " + names.apiKeyProvider())
        .deleteApiKeyProvider(new ResourceDelete(scope, DEPLOYMENT, names.apiKeyProvider())));
  }

  private DestroyStep role(String step, String name, String keptBy) {
    return new DestroyStep(step, "IAM role " + name, "iam-role", name, keptBy,
        () -> Done.of(delete(IamActivities.class, step, "delete IAM role " + name)
            .deleteRole(new ResourceDelete(scope, DEPLOYMENT, name))));
  }

  private Done service() {
    serviceRemains = "the service delete failed";
    DeleteResult deleted = delete(EcsActivities.class, "service", "delete ECS Express service " + names.service())
        .deleteService(new ServiceDelete(scope, DEPLOYMENT, names.cluster(), names.service()));
    service = deleted.outcome();
    if (deleted.outcome() != DeleteOutcome.DELETED) {
      serviceRemains = null; // gone, or someone else's (which does not use our roles)
      return Done.of(deleted);
    }
    serviceRemains = "the service's deletion was not confirmed";
    try {
      ServiceStatus gone = poll(EcsActivities.class, "service",
          "wait for " + names.service() + " INACTIVE", SERVICE_GONE_TIMEOUT)
          .awaitServiceGone(new WaitSpec(scope, deleted.id(), SERVICE_GONE_TIMEOUT, SERVICE_POLL_INTERVAL));
      serviceRemains = null;
      return new Done(DestroyOutcome.DELETED, deleted.id() + " is " + gone.status());
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested() || !Failures.isTimeout(e)) {
        throw e;
      }
      // DRAINING tolerated (spec §7.2): the delete is under way; the cluster step waits on it
      serviceRemains = "the service is still DRAINING";
      return new Done(DestroyOutcome.DELETED, deleted.id() + " deleting, still DRAINING after "
          + SERVICE_GONE_TIMEOUT.toSeconds() + " s");
    }
  }

  /**
   * Express registers revisions untagged, in a family named after cluster and service: they are
   * ours when the service was (deleted now, or gone already after an earlier destroy or a
   * half-failed deploy), and someone else's when the service is.
   */
  private Done taskDefinitions() {
    if (service == null) {
      return new Done(DestroyOutcome.FAILED, "not attempted: the service delete failed, so whose"
          + " revisions these are is unknown; rerun destroy");
    }
    if (service == DeleteOutcome.KEPT_NOT_OURS) {
      return new Done(DestroyOutcome.KEPT_NOT_OURS, "revisions of service " + names.service()
          + ", which is not tagged for this deployment");
    }
    TaskDefinitionsResult result = delete(EcsActivities.class, "task-definitions",
        "delete task definitions " + family)
        .deleteTaskDefinitions(new TaskDefinitionCleanup(scope, family));
    String counts = result.deregistered() + " deregistered, " + result.deleted() + " deleted";
    if (!result.failures().isEmpty()) {
      return new Done(DestroyOutcome.FAILED, counts + "; " + String.join("; ", result.failures()));
    }
    if (result.deregistered() == 0 && result.deleted() == 0) {
      return new Done(DestroyOutcome.ALREADY_GONE, "no revisions left");
    }
    return new Done(DestroyOutcome.DELETED, counts);
  }

  private Done logGroup() {
    return Done.of(delete(LogsActivities.class, "log-group", "delete log group " + names.logGroup())
        .deleteLogGroup(new ResourceDelete(scope, DEPLOYMENT, names.logGroup())));
  }

  /** Retried every 15 s for 180 s while services drain (spec §7.5). */
  private Done cluster() {
    EcsActivities ecs = Workflow.newActivityStub(EcsActivities.class, StepOptions.untilNotBusy(
        "cluster: delete ECS cluster " + names.cluster(), CLUSTER_DELETE_RETRY_INTERVAL,
        CLUSTER_DELETE_TIMEOUT));
    try {
      return Done.of(ecs.deleteCluster(new ResourceDelete(scope, DEPLOYMENT, names.cluster())));
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested()
          || !(Failures.isTimeout(e) || FailureTypes.RESOURCE_BUSY.equals(Failures.type(e)))) {
        throw e;
      }
      return new Done(DestroyOutcome.FAILED, Failures.describe(e) + "; services or tasks may still"
          + " be draining, see: aws ecs list-services --cluster " + names.cluster() + " --region "
          + scope.region());
    }
  }

  /**
   * ECS removes a service's load balancer, target groups and security groups with this role: while
   * the service may still exist, deleting it could strand them, so it waits for a rerun.
   */
  private Done infrastructureRole() {
    if (serviceRemains != null) {
      return new Done(DestroyOutcome.FAILED, "not attempted: " + serviceRemains + ", and ECS needs"
          + " this role to remove its load balancer; rerun destroy once the service is gone");
    }
    return Done.of(delete(IamActivities.class, "infrastructure-role",
        "delete IAM role " + names.infrastructureRole())
        .deleteRole(new ResourceDelete(scope, DEPLOYMENT, names.infrastructureRole())));
  }

  private Done secret() {
    if (names.secret().equals(byoSecret())) {
      return notOurs("bring-your-own secret: never written or deleted");
    }
    String what = (req.forceSecretDelete() ? "delete without recovery " : "schedule deletion of ")
        + "secret " + names.secret();
    return Done.of(delete(SecretsActivities.class, "secret", what)
        .deleteSecret(new SecretDelete(scope, DEPLOYMENT, names.secret(), req.forceSecretDelete())));
  }

  // ---- helpers ----

  private String byoSecret() {
    return req.byoSecretId() == null || req.byoSecretId().isBlank() ? null : req.byoSecretId().trim();
  }

  private static Done notOurs(String why) {
    return new Done(DestroyOutcome.KEPT_NOT_OURS, why);
  }

  private static <T> T delete(Class<T> type, String step, String what) {
    return Workflow.newActivityStub(type, StepOptions.compensation(step + ": " + what));
  }

  private static <T> T poll(Class<T> type, String step, String what, Duration timeout) {
    return Workflow.newActivityStub(type, StepOptions.poll(step + ": " + what, timeout));
  }
}
