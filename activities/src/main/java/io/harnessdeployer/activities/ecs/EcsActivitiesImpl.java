package io.harnessdeployer.activities.ecs;

import static io.harnessdeployer.workflows.common.FailureTypes.CONFLICT;
import static io.harnessdeployer.workflows.common.FailureTypes.RESOURCE_BUSY;
import static io.harnessdeployer.workflows.common.FailureTypes.UNHEALTHY;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Poller.Check;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.ClusterSpec;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.EcsActivities;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.ServiceDelete;
import io.harnessdeployer.workflows.steps.ServiceRef;
import io.harnessdeployer.workflows.steps.ServiceSpec;
import io.harnessdeployer.workflows.steps.ServiceStatus;
import io.harnessdeployer.workflows.steps.TaskDefinitionCleanup;
import io.harnessdeployer.workflows.steps.TaskDefinitionsResult;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;

/**
 * ECS cluster and Express Gateway service (see {@link EcsActivities}). Waits poll with heartbeats
 * through {@link Poller}; nothing here uses SDK waiters.
 */
public final class EcsActivitiesImpl implements EcsActivities {
  private static final Logger log = LoggerFactory.getLogger(EcsActivitiesImpl.class);

  private final Regional<EcsClient> ecs;
  private final Credentials credentials;
  private final Poller poller;
  private final Clusters clusters;

  public EcsActivitiesImpl(Regional<EcsClient> ecs, Credentials credentials, Polling polling) {
    this.ecs = ecs;
    this.credentials = credentials;
    this.poller = new Poller(polling);
    this.clusters = new Clusters(ecs);
  }

  // ---- cluster ----

  @Override
  public ResourceRef ensureCluster(ClusterSpec spec) {
    return clusters.ensure(spec);
  }

  @Override
  public DeleteResult deleteCluster(ResourceDelete input) {
    return clusters.delete(input);
  }

  @Override
  public Observed describeCluster(Lookup input) {
    return clusters.describe(input);
  }

  /** The tags of the cluster of that name; empty if there is none. */
  public Optional<Map<String, String>> clusterTags(Scope scope, String name) {
    return clusters.liveTags(scope, name);
  }

  // ---- service ----

  /** The tags of the Express service of that name in {@code cluster}; empty if there is none (or no cluster). */
  public Optional<Map<String, String>> serviceTags(Scope scope, String name, String cluster) {
    try {
      return findService(ecs.in(scope.region()), cluster, name).map(s -> EcsTags.of(s.tags()));
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ClusterNotFoundException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Observed describeService(Lookup input) {
    String where = input.id() + " in cluster " + input.within();
    try {
      return findService(ecs.in(input.scope().region()), input.within(), input.id())
          .map(ServiceObservation::of).orElseGet(Observed::missing);
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ClusterNotFoundException")) {
        return Observed.missing();
      }
      throw AwsFailures.classify("ECS describe service " + where, e);
    }
  }

  @Override
  public ServiceRef ensureService(ServiceSpec spec) {
    String where = spec.serviceName() + " in cluster " + spec.cluster();
    EcsClient client = ecs.in(spec.scope().region());
    Map<String, String> env = new LinkedHashMap<>(spec.environment());
    String[] hide = {};
    if (spec.plaintextCredentials() != null) {
      var creds = credentials.open(spec.plaintextCredentials(), "ECS service " + where);
      env.putAll(creds.asEnv());
      hide = new String[] {creds.clientSecret()};
    }
    try {
      Optional<ECSExpressGatewayService> existing = findService(client, spec.cluster(), spec.serviceName());
      if (existing.isEmpty()) {
        return create(client, spec, design(spec, env, spec.allowedHost()));
      }
      ECSExpressGatewayService service = existing.get();
      Map<String, String> tags = EcsTags.of(service.tags());
      Ownership.require(spec.scope(), new OwnershipClaim(ResourceKind.SERVICE, spec.serviceName(), spec.cluster()), tags);
      String host = spec.allowedHost() != null ? spec.allowedHost() : ExpressViews.publicEndpoint(service);
      ServiceDesign design = design(spec, env, host);
      List<String> changes = new ArrayList<>(design.changes(ExpressViews.live(service)));
      if (spec.secretRotated()) {
        // tasks read the secret when they start: a new deployment, even of the same configuration
        changes.add(ServiceRef.SECRET_VERSION);
      }
      if (!changes.isEmpty()) {
        log.info("ECS service {}: updating ({})", where, changes);
        client.updateExpressGatewayService(r -> r.serviceArn(service.serviceArn())
            .executionRoleArn(spec.executionRoleArn())
            .healthCheckPath(Names.HEALTH_CHECK_PATH)
            .primaryContainer(design.container()));
      }
      Outcome outcome = Ownership.existing(spec.scope(), tags, !changes.isEmpty());
      log.info("ECS service {}: {}", where, outcome);
      return new ServiceRef(service.serviceArn(), spec.serviceName(), spec.cluster(), outcome, List.copyOf(changes));
    } catch (SdkException e) {
      if (AwsFailures.awsMessage(e).contains("still Draining")) {
        throw AwsFailures.failure(RESOURCE_BUSY, "ECS service " + where
            + " is still draining from an earlier delete; it can be created again once INACTIVE");
      }
      throw AwsFailures.classify("ECS ensure service " + where, e, hide);
    }
  }

  private ServiceRef create(EcsClient client, ServiceSpec spec, ServiceDesign design) {
    var created = client.createExpressGatewayService(r -> r
        .serviceName(spec.serviceName())
        .cluster(spec.cluster())
        .executionRoleArn(spec.executionRoleArn())
        .infrastructureRoleArn(spec.infrastructureRoleArn())
        .healthCheckPath(Names.HEALTH_CHECK_PATH)
        .primaryContainer(design.container())
        .cpu(Names.ECS_CPU)
        .memory(Names.ECS_MEMORY)
        .tags(EcsTags.list(spec.scope().tags())));
    log.info("ECS service {} in cluster {}: CREATED", spec.serviceName(), spec.cluster());
    return new ServiceRef(created.service().serviceArn(), spec.serviceName(), spec.cluster(),
        Outcome.CREATED, List.of());
  }

  private static ServiceDesign design(ServiceSpec spec, Map<String, String> env, String host) {
    Map<String, String> merged = host == null ? env : ContainerEnv.withAllowedHost(env, host);
    return new ServiceDesign(spec.image(), merged, ServiceDesign.secretsOf(spec), spec.logGroup());
  }

  @Override
  public ServiceStatus awaitServiceActive(WaitSpec wait) {
    return awaitUp(wait, false);
  }

  @Override
  public ServiceStatus awaitServiceRollout(WaitSpec wait) {
    return awaitUp(wait, true);
  }

  private ServiceStatus awaitUp(WaitSpec wait, boolean rollout) {
    String arn = wait.id();
    EcsClient client = ecs.in(wait.scope().region());
    String what = "ECS service " + arn + (rollout ? " rollout" : " ACTIVE with a public endpoint");
    return poller.await(wait, what, poll -> {
      ECSExpressGatewayService s = describe(client, arn).orElseThrow(() ->
          AwsFailures.failure(UNHEALTHY, "ECS service " + arn + " no longer exists"));
      String status = ExpressViews.status(s);
      String endpoint = ExpressViews.publicEndpoint(s);
      String reason = ExpressViews.statusReason(s);
      if ("INACTIVE".equals(status) || "DRAINING".equals(status)) {
        throw AwsFailures.failure(UNHEALTHY, "ECS service " + arn + " is " + status
            + (reason == null ? "" : ": " + reason) + "; see aws ecs describe-express-gateway-service"
            + " --region " + wait.scope().region() + " --service-arn " + arn);
      }
      if (rollout && reason != null && reason.matches("(?is).*(fail|rolled back|rollback).*")) {
        throw AwsFailures.failure(UNHEALTHY, "ECS service " + arn + " rollout failed: " + reason);
      }
      boolean ready = "ACTIVE".equals(status) && endpoint != null && (!rollout || ExpressViews.rolledOut(s));
      if (ready) {
        return Check.done(new ServiceStatus(arn, status, endpoint));
      }
      return Check.pending(status + (endpoint == null ? ", no public endpoint yet" : "")
          + (rollout && !ExpressViews.rolledOut(s) ? ", newest configuration not serving yet" : ""));
    });
  }

  @Override
  public DeleteResult deleteService(ServiceDelete input) {
    String where = input.serviceName() + " in cluster " + input.cluster();
    EcsClient client = ecs.in(input.scope().region());
    try {
      Optional<ECSExpressGatewayService> service = findService(client, input.cluster(), input.serviceName());
      if (service.isEmpty()) {
        return new DeleteResult(where, DeleteOutcome.ALREADY_GONE, "service not found (or already draining)");
      }
      String arn = service.get().serviceArn();
      if (!Ownership.mayDelete(input.scope(), input.mode(), EcsTags.of(service.get().tags()))) {
        return new DeleteResult(arn, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      try {
        client.deleteExpressGatewayService(r -> r.serviceArn(arn));
      } catch (SdkException e) {
        if (AwsFailures.hasCode(e, "ServiceNotFoundException", "ServiceNotActiveException",
            "ResourceNotFoundException")) {
          return new DeleteResult(arn, DeleteOutcome.ALREADY_GONE, "service already deleted or draining");
        }
        throw e;
      }
      return new DeleteResult(arn, DeleteOutcome.DELETED, "service deleting; its load balancer drains");
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ClusterNotFoundException")) {
        return new DeleteResult(where, DeleteOutcome.ALREADY_GONE, "cluster not found");
      }
      throw AwsFailures.classify("ECS delete service " + where, e);
    }
  }

  @Override
  public ServiceStatus awaitServiceGone(WaitSpec wait) {
    String arn = wait.id();
    EcsClient client = ecs.in(wait.scope().region());
    return poller.await(wait, "ECS service " + arn + " INACTIVE", poll -> {
      Optional<ECSExpressGatewayService> s = describe(client, arn);
      if (s.isEmpty()) {
        return Check.done(new ServiceStatus(arn, "GONE", null));
      }
      String status = ExpressViews.status(s.get());
      return "INACTIVE".equals(status)
          ? Check.done(new ServiceStatus(arn, status, null))
          : Check.pending(status);
    });
  }

  @Override
  public TaskDefinitionsResult deleteTaskDefinitions(TaskDefinitionCleanup input) {
    TaskDefinitionsResult result = new TaskDefinitionCleaner(ecs.in(input.scope().region())).clean(input.family());
    log.info("task definitions of {}: {} deregistered, {} deleted, {} failures", input.family(),
        result.deregistered(), result.deleted(), result.failures().size());
    return result;
  }

  // ---- lookups ----

  /** Spec §8d: ListServices, match the ARN's last segment, describe it. DRAINING ones are not listed. */
  private static Optional<ECSExpressGatewayService> findService(EcsClient client, String cluster, String name) {
    for (String arn : client.listServicesPaginator(r -> r.cluster(cluster)).serviceArns()) {
      if (arn.substring(arn.lastIndexOf('/') + 1).equals(name)) {
        try {
          return describe(client, arn);
        } catch (SdkException e) {
          if (AwsFailures.hasCode(e, "InvalidParameterException", "ClientException")) {
            throw AwsFailures.failure(CONFLICT, "ECS service " + name + " in cluster " + cluster
                + " exists but is not an Express Mode service");
          }
          throw e;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<ECSExpressGatewayService> describe(EcsClient client, String arn) {
    try {
      return Optional.of(client.describeExpressGatewayService(r -> r.serviceArn(arn)
          .include(ExpressGatewayServiceInclude.TAGS)).service());
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceNotFoundException", "ServiceNotFoundException")) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
