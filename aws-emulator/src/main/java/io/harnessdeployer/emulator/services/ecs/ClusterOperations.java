package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateCluster, DescribeClusters, ListClusters, DeleteCluster and ListServices. */
final class ClusterOperations {
  private final AccountRegionStore<EcsState> store;

  ClusterOperations(AccountRegionStore<EcsState> store) {
    this.store = store;
  }

  /** On a name that is already ACTIVE, real ECS returns that cluster unchanged. */
  Map<String, Object> createCluster(RequestContext ctx, Map<String, Object> in) {
    String name = Inputs.string(in, "clusterName");
    if (name == null || name.isBlank()) name = EcsDefaults.DEFAULT_CLUSTER;
    if (!name.matches("[A-Za-z0-9_-]{1,255}")) {
      throw EcsMessages.invalidParameter(
          "Cluster name must be 1-255 characters of letters, numbers, hyphens and underscores.");
    }
    EcsState state = store.of(ctx);
    synchronized (state) {
      EcsCluster cluster = state.clusters.get(name);
      if (cluster == null || !cluster.active()) {
        cluster = new EcsCluster(name, EcsArns.cluster(ctx, name), Tags.fromList(Inputs.list(in, "tags")));
        state.clusters.put(name, cluster);
      }
      return Map.of("cluster", EcsViews.cluster(cluster, activeServices(state, name), true, true));
    }
  }

  Map<String, Object> describeClusters(RequestContext ctx, Map<String, Object> in) {
    List<String> refs = Inputs.strings(in, "clusters");
    if (refs.isEmpty()) refs = List.of(EcsDefaults.DEFAULT_CLUSTER);
    boolean tags = Inputs.includes(in, "TAGS");
    boolean settings = Inputs.includes(in, "SETTINGS");
    EcsState state = store.of(ctx);
    List<Object> clusters = new ArrayList<>();
    List<Object> failures = new ArrayList<>();
    synchronized (state) {
      for (String ref : refs) {
        String name = EcsArns.clusterName(ref);
        EcsCluster c = state.clusters.get(name);
        if (c == null) failures.add(EcsViews.failure(EcsArns.cluster(ctx, name), EcsMessages.MISSING));
        else clusters.add(EcsViews.cluster(c, activeServices(state, name), tags, settings));
      }
    }
    return Map.of("clusters", clusters, "failures", failures);
  }

  /** The ARNs of the ACTIVE clusters, paged as ECS pages them (at most 100, default 100). */
  Map<String, Object> listClusters(RequestContext ctx, Map<String, Object> in) {
    EcsState state = store.of(ctx);
    List<String> arns;
    synchronized (state) {
      arns = state.clusters.values().stream().filter(EcsCluster::active).map(c -> c.arn).toList();
    }
    return Paging.page(
        arns, "clusterArns", Inputs.integer(in, "maxResults"), Inputs.string(in, "nextToken"),
        EcsDefaults.LIST_CLUSTERS_PAGE);
  }

  /** Refused while any service is ACTIVE or still DRAINING; the cluster then stays as INACTIVE. */
  Map<String, Object> deleteCluster(RequestContext ctx, Map<String, Object> in) {
    String name = EcsArns.clusterName(Inputs.required(in, "cluster"));
    EcsState state = store.of(ctx);
    synchronized (state) {
      EcsCluster c = state.clusters.get(name);
      if (c == null || !c.active()) throw EcsMessages.clusterNotFound();
      boolean busy =
          state.servicesIn(name).stream()
              .anyMatch(s -> s.live() || ExpressService.DRAINING.equals(s.statusCode(ctx.now())));
      if (busy) throw EcsMessages.clusterContainsServices();
      c.status = EcsCluster.INACTIVE;
      return Map.of("cluster", EcsViews.cluster(c, 0, false, false));
    }
  }

  /** Like real ECS, only services that are not deleted are listed: DRAINING ones are hidden. */
  Map<String, Object> listServices(RequestContext ctx, Map<String, Object> in) {
    String name = EcsArns.clusterName(Inputs.string(in, "cluster"));
    EcsState state = store.of(ctx);
    List<String> arns;
    synchronized (state) {
      requireActive(state, name);
      arns = state.servicesIn(name).stream().filter(ExpressService::live).map(s -> s.arn).toList();
    }
    return Paging.page(
        arns, "serviceArns", Inputs.integer(in, "maxResults"), Inputs.string(in, "nextToken"),
        EcsDefaults.LIST_SERVICES_PAGE);
  }

  static EcsCluster requireActive(EcsState state, String name) {
    EcsCluster c = state.clusters.get(name);
    if (c == null) throw EcsMessages.clusterNotFound();
    if (!c.active()) throw EcsMessages.clusterInactive();
    return c;
  }

  static int activeServices(EcsState state, String clusterName) {
    return (int) state.servicesIn(clusterName).stream().filter(ExpressService::live).count();
  }
}
