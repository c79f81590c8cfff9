package io.harnessdeployer.activities.ecs;

import static io.harnessdeployer.workflows.common.FailureTypes.CONFLICT;
import static io.harnessdeployer.workflows.common.FailureTypes.RESOURCE_BUSY;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.workflows.steps.ClusterSpec;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/**
 * Spec §7b, §7.5, §9.7: adopt an ACTIVE cluster that is ours or untagged (pre-existing), create
 * with our tags otherwise; delete only what carries them. A pre-existing cluster never gets our
 * tags, so it is never deleted; one tagged for another deployment is a conflict.
 */
final class Clusters {
  private static final Logger log = LoggerFactory.getLogger(Clusters.class);

  private final Regional<EcsClient> ecs;

  Clusters(Regional<EcsClient> ecs) {
    this.ecs = ecs;
  }

  ResourceRef ensure(ClusterSpec spec) {
    String name = spec.clusterName();
    EcsClient client = ecs.in(spec.scope().region());
    try {
      Optional<Cluster> existing = describeCluster(client, name).filter(c -> !"INACTIVE".equals(c.status()));
      if (existing.isPresent()) {
        Ownership.require(spec.scope(), ResourceKind.CLUSTER, name, tags(existing.get()));
      }
      String status = existing.map(Cluster::status).orElse("MISSING");
      switch (status) {
        case "ACTIVE" -> {
          Outcome outcome = Ownership.existing(spec.scope(), tags(existing.get()), false);
          log.info("ECS cluster {}: {} (owned by this deployment: {})", name, outcome,
              spec.scope().ownsDeployment(tags(existing.get())));
          return new ResourceRef(name, existing.get().clusterArn(), outcome);
        }
        case "PROVISIONING", "DEPROVISIONING" -> throw AwsFailures.failure(RESOURCE_BUSY,
            "ECS cluster " + name + " is " + status + ": another deploy or destroy is in flight");
        case "FAILED" -> {
          if (!spec.scope().ownsDeployment(tags(existing.get()))) { // pre-existing: never deleted
            throw AwsFailures.failure(CONFLICT, "ECS cluster " + name + " is FAILED and has "
                + Ownership.UNTAGGED + ", so it is not ours to delete: delete it yourself, or set "
                + ResourceKind.CLUSTER.nameFlag());
          }
          log.warn("ECS cluster {} is FAILED: deleting it and creating it again", name);
          client.deleteCluster(r -> r.cluster(name));
        }
        default -> { } // MISSING or INACTIVE: create
      }
      Cluster created = client.createCluster(r -> r.clusterName(name)
          .tags(EcsTags.list(spec.scope().tags()))).cluster();
      // CreateCluster returns an ACTIVE cluster of that name unchanged: its tags decide.
      Map<String, String> tags = created.hasTags() ? tags(created)
          : describeCluster(client, name).map(Clusters::tags).orElse(Map.of());
      Ownership.require(spec.scope(), ResourceKind.CLUSTER, name, tags);
      Outcome outcome = spec.scope().ownsRun(tags) ? Outcome.CREATED : Outcome.ADOPTED;
      log.info("ECS cluster {}: {}", name, outcome);
      return new ResourceRef(name, created.clusterArn(), outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("ECS ensure cluster " + name, e);
    }
  }

  DeleteResult delete(ResourceDelete input) {
    String name = input.id();
    EcsClient client = ecs.in(input.scope().region());
    try {
      Optional<Cluster> cluster = describeCluster(client, name).filter(c -> !"INACTIVE".equals(c.status()));
      if (cluster.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "cluster not found");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), tags(cluster.get()))) {
        return new DeleteResult(name, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      client.deleteCluster(r -> r.cluster(name));
      return new DeleteResult(name, DeleteOutcome.DELETED, "cluster deleted");
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ClusterNotFoundException")) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "cluster not found");
      }
      // ClusterContains*/ResourceInUse classify as the retryable ResourceBusy: services still drain.
      throw AwsFailures.classify("ECS delete cluster " + name + " (still draining?)", e);
    }
  }

  /**
   * Read-only: status, tags and the ARN (shown, not compared); an INACTIVE cluster (deleted, still
   * listed for a while) does not exist.
   */
  Observed describe(Lookup input) {
    String name = input.id();
    try {
      Optional<Cluster> cluster = describeCluster(ecs.in(input.scope().region()), name)
          .filter(c -> !"INACTIVE".equals(c.status()));
      return cluster.map(c -> new Observed(true, c.status(), tags(c),
              c.clusterArn() == null ? Map.of() : Map.<String, Object>of("arn", c.clusterArn())))
          .orElseGet(Observed::missing);
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ClusterNotFoundException")) {
        return Observed.missing();
      }
      throw AwsFailures.classify("ECS describe cluster " + name, e);
    }
  }

  /** The tags of the cluster of that name; empty if there is none (INACTIVE is none). */
  Optional<Map<String, String>> liveTags(Scope scope, String name) {
    return describeCluster(ecs.in(scope.region()), name).filter(c -> !"INACTIVE".equals(c.status()))
        .map(Clusters::tags);
  }

  private static Optional<Cluster> describeCluster(EcsClient client, String name) {
    var response = client.describeClusters(r -> r.clusters(name).include(ClusterField.TAGS));
    return response.clusters().stream().filter(c -> name.equals(c.clusterName())).findFirst();
  }

  private static Map<String, String> tags(Cluster cluster) {
    return EcsTags.of(cluster.tags());
  }
}
