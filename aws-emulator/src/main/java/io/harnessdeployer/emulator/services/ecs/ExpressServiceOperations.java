package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Create, Describe, Update and DeleteExpressGatewayService. Every create and update records a
 * configuration and registers a task-definition revision in family {@code <cluster>-<service>}.
 *
 * <p>Lifecycle, driven by {@code ctx.now()}: a new service reports no status code until
 * {@code ecsServiceActivate} has passed, then ACTIVE with its public endpoint. An update keeps the
 * service ACTIVE; its configuration becomes the last of {@code activeConfigurations} once
 * {@code ecsServiceUpdate} has passed, and until then only {@code currentDeployment} names it. A
 * delete makes it DRAINING for {@code ecsServiceDrain}, then INACTIVE.
 */
final class ExpressServiceOperations {
  private final AccountRegionStore<EcsState> store;
  private final CloudLookup lookup;
  private final EndpointIndex endpoints;

  ExpressServiceOperations(AccountRegionStore<EcsState> store, CloudLookup lookup, EndpointIndex endpoints) {
    this.store = store;
    this.lookup = lookup;
    this.endpoints = endpoints;
  }

  Map<String, Object> createExpressGatewayService(RequestContext ctx, Map<String, Object> in) {
    String infrastructureRole = Inputs.required(in, "infrastructureRoleArn");
    requireNoTaskDefinitionArn(in);
    if (Inputs.struct(in, "primaryContainer") == null) throw EcsMessages.missingPrimaryContainer();
    String clusterName = EcsArns.clusterName(Inputs.string(in, "cluster"));
    Instant now = ctx.now();
    EcsState state = store.of(ctx);
    synchronized (state) {
      EcsCluster cluster = ClusterOperations.requireActive(state, clusterName);
      requireAssumable(ctx, infrastructureRole);
      requireAssumableIfSet(ctx, Inputs.string(in, "executionRoleArn"));
      String name = Inputs.string(in, "serviceName");
      if (name == null || name.isBlank()) name = generatedName(in, state);
      String arn = EcsArns.service(ctx, clusterName, name);
      ExpressService existing = state.services.get(arn);
      if (existing != null) {
        String status = existing.statusCode(now);
        if (ExpressService.DRAINING.equals(status)) throw EcsMessages.serviceStillDraining();
        if (!ExpressService.INACTIVE.equals(status)) throw EcsMessages.serviceNotIdempotent();
        state.services.remove(arn);
      }
      ExpressService service =
          new ExpressService(
              arn, clusterName, cluster.arn, name, infrastructureRole,
              EcsDefaults.endpointHost(endpointId(arn, now, state.nextSequence()), ctx.region()),
              now, now.plus(ctx.settings().latency().ecsServiceActivate()));
      service.tags.putAll(Tags.fromList(Inputs.list(in, "tags")));
      service.addRevision(revision(ctx, state, service, ExpressConfigurations.forCreate(in), service.activeAt));
      state.services.put(arn, service);
      endpoints.put(state, service);
      return Map.of("service", EcsViews.service(service, now, true, service.statusCode(now)));
    }
  }

  Map<String, Object> describeExpressGatewayService(RequestContext ctx, Map<String, Object> in) {
    String arn = Inputs.required(in, "serviceArn");
    EcsState state = store.of(ctx);
    synchronized (state) {
      ExpressService s = state.services.get(arn);
      if (s == null) throw EcsMessages.expressServiceNotFound(arn);
      return Map.of(
          "service", EcsViews.service(s, ctx.now(), Inputs.includes(in, "TAGS"), s.statusCode(ctx.now())));
    }
  }

  Map<String, Object> updateExpressGatewayService(RequestContext ctx, Map<String, Object> in) {
    String arn = Inputs.required(in, "serviceArn");
    requireNoTaskDefinitionArn(in);
    Instant now = ctx.now();
    EcsState state = store.of(ctx);
    synchronized (state) {
      ExpressService s = changeable(state, arn, now);
      requireAssumableIfSet(ctx, Inputs.string(in, "executionRoleArn"));
      Map<String, Object> configuration = ExpressConfigurations.merge(s.latest().configuration(), in);
      Instant rolledOut = now.plus(ctx.settings().latency().ecsServiceUpdate());
      ServiceRevision target = revision(ctx, state, s, configuration, max(rolledOut, s.activeAt));
      s.addRevision(target);
      s.updatedAt = now;
      return Map.of("service", EcsViews.updated(s, target, now));
    }
  }

  Map<String, Object> deleteExpressGatewayService(RequestContext ctx, Map<String, Object> in) {
    String arn = Inputs.required(in, "serviceArn");
    Instant now = ctx.now();
    EcsState state = store.of(ctx);
    synchronized (state) {
      ExpressService s = changeable(state, arn, now);
      s.deletedAt = now;
      s.inactiveAt = now.plus(ctx.settings().latency().ecsServiceDrain());
      s.updatedAt = now;
      // The reply reports the transition itself, even when the drain delay is zero.
      return Map.of("service", EcsViews.service(s, now, false, ExpressService.DRAINING));
    }
  }

  /** The service named by {@code arn} if it is neither draining nor gone. */
  private static ExpressService changeable(EcsState state, String arn, Instant now) {
    ExpressService s = state.services.get(arn);
    if (s == null) {
      EcsArns.Parsed p = EcsArns.parse(arn);
      if (p == null || !p.type().equals("service") || !p.id().contains("/")) throw EcsMessages.invalidArn(arn);
      if (!state.clusters.containsKey(p.id().substring(0, p.id().indexOf('/')))) throw EcsMessages.clusterNotFound();
      throw EcsMessages.serviceNotFound();
    }
    if (!s.acceptsChanges(now)) throw EcsMessages.serviceNotActive();
    return s;
  }

  private ServiceRevision revision(
      RequestContext ctx, EcsState state, ExpressService s, Map<String, Object> configuration, Instant liveAt) {
    String family = s.clusterName + "-" + s.name;
    int number = state.taskDefinitions.nextRevision(family);
    String tdArn = EcsArns.taskDefinition(ctx, family, number);
    state.taskDefinitions.add(
        new EcsTaskDefinition(
            family, number, tdArn,
            ExpressConfigurations.taskDefinitionBody(tdArn, family, number, configuration, ctx.region()),
            ctx.now()));
    String revisionId = String.format("%019d", ctx.now().toEpochMilli() * 1000 + state.nextSequence() % 1000);
    String revisionArn = EcsArns.serviceRevision(ctx, s.clusterName, s.name, revisionId);
    Map<String, Object> full = new LinkedHashMap<>();
    full.put("serviceRevisionArn", revisionArn);
    full.put("taskDefinitionArn", tdArn);
    full.putAll(configuration);
    return new ServiceRevision(revisionArn, tdArn, full, ctx.now(), liveAt);
  }

  /** Real ECS checks that it can assume the role; a role IAM has not propagated yet fails the same way. */
  private void requireAssumable(RequestContext ctx, String roleArn) {
    Optional<Instant> created = lookup.roleCreatedAt(ctx.accountId(), roleArn);
    Instant propagated = created.map(c -> c.plus(ctx.settings().latency().iamPropagation())).orElse(null);
    if (propagated == null || propagated.isAfter(ctx.now())) throw EcsMessages.roleNotAssumable(roleArn);
  }

  private void requireAssumableIfSet(RequestContext ctx, String roleArn) {
    if (roleArn != null) requireAssumable(ctx, roleArn);
  }

  private static void requireNoTaskDefinitionArn(Map<String, Object> in) {
    if (in.get("taskDefinitionArn") != null) throw EcsMessages.unsupportedTaskDefinitionArn();
  }

  /** ECS names an unnamed service after its image's repository. */
  private static String generatedName(Map<String, Object> in, EcsState state) {
    String image = String.valueOf(Inputs.struct(in, "primaryContainer").get("image"));
    String repo = image.replaceAll("[@:].*$", "");
    repo = repo.substring(repo.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_-]", "-");
    return (repo.isEmpty() ? "service" : repo) + "-" + String.format("%04x", state.nextSequence() & 0xffff);
  }

  /** Stable per service: derived from its ARN, creation time and a per-state sequence. */
  private static String endpointId(String arn, Instant createdAt, long sequence) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((arn + "|" + createdAt + "|" + sequence).getBytes(StandardCharsets.UTF_8));
      return EcsDefaults.ENDPOINT_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
