package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.common.FailureTypes.UNHEALTHY;
import static io.harnessdeployer.workflows.common.Names.HEALTH_CHECK_PATH;
import static io.harnessdeployer.workflows.common.Names.HEALTH_POLL_INTERVAL;
import static io.harnessdeployer.workflows.common.Names.HEALTH_TIMEOUT;
import static io.harnessdeployer.workflows.common.Names.SERVICE_GONE_TIMEOUT;
import static io.harnessdeployer.workflows.common.Names.SERVICE_POLL_INTERVAL;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Failures;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The ECS Express service and the checks that follow it: ACTIVE with a public endpoint, that
 * endpoint merged into ZSCALER_MCP_ALLOWED_HOSTS (a second rollout), and GET /health.
 */
final class ServiceNodes {
  /** v1: a rotated secret rolls the service out (ServiceSpec#secretRotated); DEFAULT never did. */
  static final String CREDENTIAL_ROTATION = "credential-rotation";

  private final Settings s;

  ServiceNodes(Settings s) {
    this.s = s;
  }

  Ensured ensure(Step step) {
    ServiceRef ref = step.aws(EcsActivities.class, "ensure ECS Express service " + s.names().service())
        .ensureService(spec(step, null, rollsForSecret(step)));
    return Ensured.of(ref, ref.serviceArn(), ref.outcome());
  }

  /**
   * The secret got a new version in this deploy, so the service must roll: its tasks read the
   * secret only when they start. Versioned: the flag is a new argument of ensureService.
   */
  private static boolean rollsForSecret(Step step) {
    SecretRef secret = step.input(EcsTopology.SECRET, SecretRef.class);
    return secret != null && secret.rotated()
        && Workflow.getVersion(CREDENTIAL_ROTATION, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  Ensured awaitActive(Step step) {
    ServiceRef service = step.input(EcsTopology.SERVICE, ServiceRef.class);
    EcsActivities ecs = step.poll(EcsActivities.class, "wait for " + s.names().service() + " ACTIVE",
        s.deploy().serviceTimeout());
    WaitSpec wait = wait(service.serviceArn());
    ServiceStatus status = rolledOut(service) ? ecs.awaitServiceRollout(wait) : ecs.awaitServiceActive(wait);
    String fqdn = ContainerEnv.hostOf(requireEndpoint(status));
    return Ensured.checked(new Endpoint(fqdn, ContainerEnv.normaliseMcpUrl("https://" + fqdn)), fqdn);
  }

  /** The endpoint {@link #awaitActive} returns, from the service's describe ({@code endpoint}). */
  Endpoint recallEndpoint(Step step) {
    String host = Recalls.string(step.observed(EcsTopology.SERVICE), "endpoint");
    if (host == null) {
      throw new io.harnessdeployer.workflows.graph.NotRecallable("has no public endpoint");
    }
    String fqdn = ContainerEnv.hostOf(host);
    return new Endpoint(fqdn, ContainerEnv.normaliseMcpUrl("https://" + fqdn));
  }

  Ensured mergeAllowedHost(Step step) {
    String fqdn = step.input(EcsTopology.SERVICE_ACTIVE, Endpoint.class).fqdn();
    ServiceRef ref = step.aws(EcsActivities.class, "merge " + fqdn + " into allowed hosts")
        .ensureService(spec(step, fqdn));
    return Ensured.checked(ref, ref.serviceArn());
  }

  Ensured awaitRollout(Step step) {
    ServiceRef update = step.input(EcsTopology.ALLOWED_HOSTS, ServiceRef.class);
    if (!rolledOut(update)) {
      return Ensured.skipped("env already up to date");
    }
    ServiceStatus status = step.poll(EcsActivities.class, "wait for " + s.names().service() + " rollout",
            s.deploy().serviceTimeout())
        .awaitServiceRollout(wait(update.serviceArn()));
    requireEndpoint(status);
    return Ensured.checked(status, status.status());
  }

  Ensured awaitHealthy(Step step) {
    String url = "https://" + step.input(EcsTopology.SERVICE_ACTIVE, Endpoint.class).fqdn() + HEALTH_CHECK_PATH;
    HealthResult result = step.poll(HealthActivities.class, "GET " + url, HEALTH_TIMEOUT)
        .awaitHealthy(new WaitSpec(s.scope(), url, HEALTH_TIMEOUT, HEALTH_POLL_INTERVAL));
    return Ensured.checked(result, url + " → " + result.httpStatus());
  }

  /** Deletes the service and waits for it to go; DRAINING past the deadline is tolerated (§7.2). */
  Done delete(Step step) {
    String name = s.names().service();
    DeleteResult deleted = step.delete(EcsActivities.class, "delete ECS Express service " + name)
        .deleteService(new ServiceDelete(s.scope(), step.mode(), s.names().cluster(), name));
    if (deleted.outcome() != DeleteOutcome.DELETED) {
      return Done.of(deleted);
    }
    try {
      ServiceStatus gone = step.poll(EcsActivities.class, "wait for " + name + " INACTIVE", SERVICE_GONE_TIMEOUT)
          .awaitServiceGone(new WaitSpec(s.scope(), deleted.id(), SERVICE_GONE_TIMEOUT, SERVICE_POLL_INTERVAL));
      return new Done(DestroyOutcome.DELETED, deleted.id() + " is " + gone.status());
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested() || !Failures.isTimeout(e)) {
        throw e;
      }
      return new Done(DestroyOutcome.DELETED, deleted.id() + " deleting, still DRAINING after "
          + SERVICE_GONE_TIMEOUT.toSeconds() + " s", true);
    }
  }

  /**
   * What the service should run: the spec its ensure sends, with the allowed-hosts merge the
   * activity applies. Its endpoint host does not exist before the service, so it is {@code
   * <endpoint>}, as the describe names it; plaintext credentials are {@code <sealed>} on both sides.
   */
  Map<String, Object> desired(Step step) {
    ServiceSpec spec = spec(step, null);
    Map<String, String> env = new java.util.LinkedHashMap<>(spec.environment());
    if (s.deploy().secretMode() == SecretMode.PLAINTEXT) { // credentials may be absent: drift without heal
      // the required keys; the optional ones live only in the sealed payload
      env.put(Names.KEY_CLIENT_ID, ContainerEnv.SEALED);
      env.put(Names.KEY_CLIENT_SECRET, ContainerEnv.SEALED);
    }
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("executionRoleArn", spec.executionRoleArn());
    p.put("healthCheckPath", HEALTH_CHECK_PATH);
    p.put("image", spec.image());
    p.put("environment", ContainerEnv.sealed(ContainerEnv.withAllowedHost(env, ContainerEnv.ENDPOINT)));
    p.put("secrets", ContainerEnv.secretProjections(spec.secretArn(), spec.secretKeys()));
    return DesiredState.of(s.scope(), "ACTIVE", p);
  }

  Observed describe(Step step) {
    return step.aws(EcsActivities.class, "describe ECS Express service " + s.names().service())
        .describeService(new Lookup(s.scope(), s.names().service(), s.names().cluster()));
  }

  private ServiceSpec spec(Step step, String allowedHost) {
    return spec(step, allowedHost, false);
  }

  private ServiceSpec spec(Step step, String allowedHost, boolean secretRotated) {
    SecretRef secret = step.input(EcsTopology.SECRET, SecretRef.class);
    List<String> keys = secret == null ? List.of() : secret.keys();
    Map<String, String> env = ContainerEnv.forService(s.deploy().containerEnv(), keys);
    boolean plaintext = s.deploy().secretMode() == SecretMode.PLAINTEXT;
    return new ServiceSpec(s.scope(), step.input(EcsTopology.CLUSTER, ResourceRef.class).name(),
        s.names().service(), step.input(EcsTopology.TASK_EXECUTION_ROLE, ResourceRef.class).arn(),
        step.input(EcsTopology.INFRASTRUCTURE_ROLE, ResourceRef.class).arn(), s.deploy().imageUri(),
        step.input(EcsTopology.LOG_GROUP, ResourceRef.class).name(), env,
        secret == null ? null : secret.arn(), keys, plaintext ? s.deploy().credentials() : null,
        allowedHost, secretRotated);
  }

  private WaitSpec wait(String serviceArn) {
    return new WaitSpec(s.scope(), serviceArn, s.deploy().serviceTimeout(), SERVICE_POLL_INTERVAL);
  }

  /**
   * Whether ensureService started a rollout. This run's own service stays CREATED when updated, so
   * {@code changes} says it (see {@code EcsActivities#ensureService}).
   */
  private static boolean rolledOut(ServiceRef ref) {
    return ref.outcome() == Outcome.UPDATED || !ref.changes().isEmpty();
  }

  private static String requireEndpoint(ServiceStatus status) {
    if (!"ACTIVE".equals(status.status()) || status.endpoint() == null || status.endpoint().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("service " + status.serviceArn() + " is "
          + status.status() + " without a PUBLIC endpoint; its ALB may still be wiring up", UNHEALTHY);
    }
    return status.endpoint();
  }
}
