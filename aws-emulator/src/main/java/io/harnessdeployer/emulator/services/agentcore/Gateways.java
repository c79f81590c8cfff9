package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Gateways (Create/Get/Update/Delete/List) and their targets (Create/Get/Delete/List GatewayTarget). */
final class Gateways {
  private static final int DEFAULT_PAGE = 10;

  private final AccountRegionStore<AgentCoreState> store;
  private final CloudLookup cloud;
  private final Ids ids;
  private final Settler settler;
  private final RuntimeReach reach;

  Gateways(AccountRegionStore<AgentCoreState> store, CloudLookup cloud, Ids ids, Settler settler) {
    this.store = store;
    this.cloud = cloud;
    this.ids = ids;
    this.settler = settler;
    this.reach = new RuntimeReach(cloud);
  }

  RuntimeReach reach() {
    return reach;
  }

  // ---- gateways

  Map<String, Object> create(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      Optional<String> replay = ClientTokens.replay(s, input, "CreateGateway", s.gateways::containsKey);
      if (replay.isPresent()) return s.gateways.get(replay.get()).output();
      String name = (String) input.get("name");
      if (s.gateways.values().stream().anyMatch(g -> g.name().equals(name))) {
        throw Errors.conflict("A gateway with the name " + name + " already exists.");
      }
      Map<String, Object> spec = spec(input);
      Roles.requireAssumable(ctx, cloud, "roleArn", (String) input.get("roleArn"));
      String id = name.toLowerCase(Locale.ROOT) + "-" + lower(10);
      String url = "https://" + id + ".gateway.bedrock-agentcore." + ctx.region() + ".amazonaws.com/mcp";
      Map<String, Object> workload = Map.of("workloadIdentityArn",
          ctx.arn("bedrock-agentcore", "workload-identity-directory/default/workload-identity/" + id));
      GatewayRecord g = new GatewayRecord(id, ctx.arn("bedrock-agentcore", "gateway/" + id), url, ctx.accountId(), ctx.region(),
          workload, spec, ctx.now(), ctx.now().plus(ctx.settings().latency().gatewayCreate()));
      s.gateways.put(id, g);
      s.tags.put(g.arn, Values.tags(input.get("tags")));
      ClientTokens.remember(s, input, "CreateGateway", id, 1);
      return g.output();
    }
  }

  Map<String, Object> get(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      return gateway(s, (String) input.get("gatewayIdentifier")).output();
    }
  }

  Map<String, Object> update(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      GatewayRecord g = gateway(s, (String) input.get("gatewayIdentifier"));
      if (g.life.busy()) throw Errors.conflict("Gateway " + g.id + " is " + g.life.status + "; it can be updated once that finishes.");
      String name = (String) input.get("name");
      if (!name.equals(g.name()) && s.gateways.values().stream().anyMatch(o -> o.name().equals(name))) {
        throw Errors.conflict("A gateway with the name " + name + " already exists.");
      }
      Map<String, Object> spec = spec(input);
      Roles.requireAssumable(ctx, cloud, "roleArn", (String) input.get("roleArn"));
      g.spec = spec;
      g.statusReasons = List.of();
      g.life.begin("UPDATING", ctx.now(), ctx.now().plus(ctx.settings().latency().gatewayUpdate()));
      return g.output();
    }
  }

  Map<String, Object> delete(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      GatewayRecord g = gateway(s, (String) input.get("gatewayIdentifier"));
      if (!g.targets.isEmpty()) {
        throw Errors.conflict("Gateway " + g.id + " has " + g.targets.size() + " target(s); delete them and wait until they are gone.");
      }
      if (g.life.busy() && !g.life.is("DELETING")) {
        throw Errors.conflict("Gateway " + g.id + " is " + g.life.status + "; it can be deleted once that finishes.");
      }
      if (!g.life.is("DELETING")) g.life.begin("DELETING", ctx.now(), ctx.now().plus(ctx.settings().latency().gatewayDelete()));
      return Map.of("gatewayId", g.id, "status", g.life.status);
    }
  }

  Map<String, Object> list(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      List<GatewayRecord> all = new ArrayList<>(s.gateways.values());
      all.sort(Comparator.comparing(GatewayRecord::listKey));
      return page(all, GatewayRecord::listKey, GatewayRecord::summary, input);
    }
  }

  // ---- targets

  Map<String, Object> createTarget(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      GatewayRecord g = gateway(s, (String) input.get("gatewayIdentifier"));
      Optional<String> replay = ClientTokens.replay(s, input, "CreateGatewayTarget", g.targets::containsKey);
      if (replay.isPresent()) return g.targets.get(replay.get()).output();
      if (!g.life.is("READY")) throw Errors.conflict("Gateway " + g.id + " is " + g.life.status + "; targets can be added once it is READY.");
      String id = ids.alnum(10).toUpperCase(Locale.ROOT);
      String name = input.get("name") != null ? (String) input.get("name") : "target-" + id.toLowerCase(Locale.ROOT);
      if (g.targets.values().stream().anyMatch(t -> t.name.equals(name))) {
        throw Errors.conflict("A target with the name " + name + " already exists in gateway " + g.id + ".");
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      for (String m : List.of("description", "targetConfiguration", "credentialProviderConfigurations", "metadataConfiguration")) {
        Values.putIf(spec, m, Values.copy(input.get(m)));
      }
      for (Object c : Values.list(spec.get("credentialProviderConfigurations"))) requireProvider(s, Values.map(c));
      TargetRecord t = new TargetRecord(id, name, g.arn, spec, ctx.now(), ctx.now().plus(ctx.settings().latency().targetCreate()));
      g.targets.put(id, t);
      ClientTokens.remember(s, input, "CreateGatewayTarget", id, 1);
      return t.output();
    }
  }

  Map<String, Object> getTarget(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      return target(gateway(s, (String) input.get("gatewayIdentifier")), (String) input.get("targetId")).output();
    }
  }

  Map<String, Object> deleteTarget(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      GatewayRecord g = gateway(s, (String) input.get("gatewayIdentifier"));
      TargetRecord t = target(g, (String) input.get("targetId"));
      if (t.life.busy() && !t.life.is("DELETING")) {
        throw Errors.conflict("Target " + t.id + " is " + t.life.status + "; it can be deleted once that finishes.");
      }
      if (!t.life.is("DELETING")) t.life.begin("DELETING", ctx.now(), ctx.now().plus(ctx.settings().latency().targetDelete()));
      return Map.of("gatewayArn", g.arn, "targetId", t.id, "status", t.life.status);
    }
  }

  Map<String, Object> listTargets(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      List<TargetRecord> all = new ArrayList<>(gateway(s, (String) input.get("gatewayIdentifier")).targets.values());
      all.sort(Comparator.comparing(TargetRecord::listKey));
      return page(all, TargetRecord::listKey, TargetRecord::summary, input);
    }
  }

  /**
   * Due transitions. Gateways: READY (or FAILED when the role vanished), DELETING → gone. Targets:
   * READY once the connectivity check reaches the MCP server, else FAILED with the reason; DELETING →
   * gone. Runtimes must be settled first. Caller holds the lock.
   */
  void settle(AgentCoreState s, Instant now) {
    s.gateways.values().removeIf(g -> {
      g.targets.values().removeIf(t -> settleTarget(s, t, now));
      Optional<Instant> at = g.life.due(now);
      if (at.isEmpty()) return false;
      if (g.life.is("DELETING")) {
        s.tags.remove(g.arn);
        return true;
      }
      String role = (String) g.spec.get("roleArn");
      boolean ok = Roles.exists(cloud, g.accountId, role);
      g.statusReasons = ok ? List.of() : List.of("Role validation failed for '" + role + "': the role no longer exists.");
      g.life.end(ok ? "READY" : g.life.is("CREATING") ? "FAILED" : "UPDATE_UNSUCCESSFUL", at.get());
      return false;
    });
  }

  private boolean settleTarget(AgentCoreState s, TargetRecord t, Instant now) {
    Optional<Instant> at = t.life.due(now);
    if (at.isEmpty()) return false;
    if (t.life.is("DELETING")) return true;
    Optional<String> failure = reach.failure(s, t, now);
    t.statusReasons = failure.map(List::of).orElse(List.of());
    if (failure.isEmpty()) t.lastSynchronizedAt = at.get();
    t.life.end(failure.isEmpty() ? "READY" : "FAILED", at.get());
    return false;
  }

  /** A live gateway by id, for its MCP endpoint; settled first by the caller. */
  static Optional<GatewayRecord> byId(AgentCoreState s, String id) {
    return Optional.ofNullable(s.gateways.get(id));
  }

  private Map<String, Object> spec(Map<String, Object> input) {
    Map<String, Object> spec = new LinkedHashMap<>();
    for (String m : GatewayRecord.SPEC_MEMBERS) Values.putIf(spec, m, Values.copy(input.get(m)));
    spec.putIfAbsent("protocolType", "MCP");
    if ("CUSTOM_JWT".equals(spec.get("authorizerType"))) {
      Map<String, Object> jwt = Values.map(Values.map(spec.get("authorizerConfiguration")) == null ? null
          : Values.map(spec.get("authorizerConfiguration")).get("customJWTAuthorizer"));
      if (jwt == null) {
        throw Errors.invalidField("authorizerConfiguration", "authorizerConfiguration.customJWTAuthorizer is required when authorizerType is CUSTOM_JWT.");
      }
      if (Values.list(jwt.get("allowedAudience")).isEmpty() && Values.list(jwt.get("allowedClients")).isEmpty()
          && Values.list(jwt.get("allowedScopes")).isEmpty()) {
        throw Errors.invalidField("authorizerConfiguration",
            "customJWTAuthorizer needs at least one of allowedAudience, allowedClients or allowedScopes.");
      }
    } else if (spec.get("authorizerConfiguration") != null) {
      throw Errors.invalidField("authorizerConfiguration", "authorizerConfiguration is only allowed with authorizerType CUSTOM_JWT.");
    }
    return spec;
  }

  private static void requireProvider(AgentCoreState s, Map<String, Object> config) {
    Map<String, Object> provider = Values.map(config.get("credentialProvider"));
    if (provider == null) return;
    Map<String, Object> oauth = Values.map(provider.get("oauthCredentialProvider"));
    Map<String, Object> apiKey = Values.map(provider.get("apiKeyCredentialProvider"));
    String arn = Values.string(oauth != null ? oauth : apiKey, "providerArn");
    boolean found = arn == null
        || s.oauth2Providers.values().stream().anyMatch(p -> p.arn().equals(arn))
        || s.apiKeyProviders.values().stream().anyMatch(p -> p.arn().equals(arn));
    if (!found) throw Errors.invalidField("credentialProviderConfigurations", "Credential provider " + arn + " does not exist.");
  }

  private static GatewayRecord gateway(AgentCoreState s, String identifier) {
    GatewayRecord g = s.gateways.get(identifier);
    if (g == null) {
      g = s.gateways.values().stream().filter(x -> x.arn.equals(identifier)).findFirst().orElse(null);
    }
    if (g == null) throw Errors.notFound("Gateway " + identifier + " not found.");
    return g;
  }

  private static TargetRecord target(GatewayRecord g, String id) {
    TargetRecord t = g.targets.get(id);
    if (t == null) throw Errors.notFound("Target " + id + " not found in gateway " + g.id + ".");
    return t;
  }

  private static <T> Map<String, Object> page(List<T> sorted, java.util.function.Function<T, String> key,
      java.util.function.Function<T, Map<String, Object>> summary, Map<String, Object> input) {
    Paging.Page<T> page = Paging.page(sorted, key, input.get("maxResults"), input.get("nextToken"), DEFAULT_PAGE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", page.items().stream().map(t -> (Object) summary.apply(t)).toList());
    Values.putIf(out, "nextToken", page.nextToken());
    return out;
  }

  private String lower(int n) {
    return ids.alnum(n).toLowerCase(Locale.ROOT);
  }
}
