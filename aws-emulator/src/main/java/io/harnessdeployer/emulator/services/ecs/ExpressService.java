package io.harnessdeployer.emulator.services.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Express Gateway service. Its status is a function of the clock: no status code until
 * {@link #activeAt}, then ACTIVE; after a delete, DRAINING until {@link #inactiveAt}, then INACTIVE.
 */
final class ExpressService {
  static final String ACTIVE = "ACTIVE";
  static final String DRAINING = "DRAINING";
  static final String INACTIVE = "INACTIVE";

  final String arn;
  final String clusterName;
  final String clusterArn;
  final String name;
  final String infrastructureRoleArn;
  final String endpointHost;
  final Instant createdAt;
  final Instant activeAt;
  final Map<String, String> tags = new LinkedHashMap<>();
  private final List<ServiceRevision> revisions = new ArrayList<>();
  Instant updatedAt;
  Instant deletedAt;
  Instant inactiveAt;

  ExpressService(
      String arn,
      String clusterName,
      String clusterArn,
      String name,
      String infrastructureRoleArn,
      String endpointHost,
      Instant createdAt,
      Instant activeAt) {
    this.arn = arn;
    this.clusterName = clusterName;
    this.clusterArn = clusterArn;
    this.name = name;
    this.infrastructureRoleArn = infrastructureRoleArn;
    this.endpointHost = endpointHost;
    this.createdAt = createdAt;
    this.activeAt = activeAt;
    this.updatedAt = createdAt;
  }

  /** ACTIVE, DRAINING, INACTIVE, or null while the first deployment is still provisioning. */
  String statusCode(Instant now) {
    if (deletedAt != null) return now.isBefore(inactiveAt) ? DRAINING : INACTIVE;
    return now.isBefore(activeAt) ? null : ACTIVE;
  }

  /** Not yet deleted: listed by ListServices, counted as active by the cluster, blocks its deletion. */
  boolean live() {
    return deletedAt == null;
  }

  /** A create or update that is neither draining nor gone may be updated or deleted. */
  boolean acceptsChanges(Instant now) {
    String s = statusCode(now);
    return s == null || ACTIVE.equals(s);
  }

  /** An address is published once the first deployment has finished, and withdrawn when INACTIVE. */
  boolean reachable(Instant now) {
    String s = statusCode(now);
    return ACTIVE.equals(s) || DRAINING.equals(s);
  }

  void addRevision(ServiceRevision r) {
    revisions.add(r);
  }

  ServiceRevision latest() {
    return revisions.get(revisions.size() - 1);
  }

  /** The newest revision whose rollout has completed; the first revision while provisioning. */
  ServiceRevision serving(Instant now) {
    ServiceRevision serving = revisions.get(0);
    for (ServiceRevision r : revisions) if (!r.liveAt().isAfter(now)) serving = r;
    return serving;
  }

  List<ServiceRevision> revisions() {
    return List.copyOf(revisions);
  }
}
