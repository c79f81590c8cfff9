package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateAgentRuntime, GetAgentRuntime, UpdateAgentRuntime, DeleteAgentRuntime, ListAgentRuntimes. */
final class Runtimes {
  private static final int DEFAULT_PAGE = 10;

  private final AccountRegionStore<AgentCoreState> store;
  private final CloudLookup cloud;
  private final Ids ids;
  private final Settler settler;

  Runtimes(AccountRegionStore<AgentCoreState> store, CloudLookup cloud, Ids ids, Settler settler) {
    this.store = store;
    this.cloud = cloud;
    this.ids = ids;
    this.settler = settler;
  }

  Map<String, Object> create(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      Optional<String> replay = ClientTokens.replay(s, input, "CreateAgentRuntime", s.runtimes::containsKey);
      if (replay.isPresent()) return s.runtimes.get(replay.get()).head();
      String name = (String) input.get("agentRuntimeName");
      if (s.runtimes.values().stream().anyMatch(r -> r.name.equals(name))) {
        throw Errors.conflict("An agent runtime with the name " + name + " already exists.");
      }
      Roles.requireAssumable(ctx, cloud, "roleArn", (String) input.get("roleArn"));
      String id = name + "-" + ids.alnum(10);
      Map<String, Object> workload = Map.of("workloadIdentityArn",
          ctx.arn("bedrock-agentcore", "workload-identity-directory/default/workload-identity/" + name + "-" + ids.alnum(6)));
      RuntimeRecord r = new RuntimeRecord(id, name, ctx.arn("bedrock-agentcore", "runtime/" + id), ctx.accountId(), ctx.region(),
          workload, spec(null, input), ctx.now(), ctx.now().plus(ctx.settings().latency().runtimeCreate()));
      s.runtimes.put(id, r);
      s.tags.put(r.arn, Values.tags(input.get("tags")));
      ClientTokens.remember(s, input, "CreateAgentRuntime", id, r.version());
      return r.head();
    }
  }

  Map<String, Object> get(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      RuntimeRecord r = find(s, (String) input.get("agentRuntimeId"));
      Object version = input.get("agentRuntimeVersion");
      Map<String, Object> out = r.output(version == null ? null : Integer.valueOf(version.toString()));
      if (out == null) throw Errors.notFound("Agent runtime " + r.id + " has no version " + version + ".");
      return out;
    }
  }

  Map<String, Object> update(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      RuntimeRecord r = find(s, (String) input.get("agentRuntimeId"));
      Optional<String> replay = ClientTokens.replay(s, input, "UpdateAgentRuntime", s.runtimes::containsKey);
      if (replay.isPresent()) return r.head();
      if (r.life.busy()) {
        throw Errors.conflict("Agent runtime " + r.id + " is " + r.life.status + "; it can be updated once that finishes.");
      }
      Roles.requireAssumable(ctx, cloud, "roleArn", (String) input.get("roleArn"));
      r.update(spec(r.spec(), input), ctx.now(), ctx.now().plus(ctx.settings().latency().runtimeUpdate()));
      ClientTokens.remember(s, input, "UpdateAgentRuntime", r.id, r.version());
      return r.head();
    }
  }

  Map<String, Object> delete(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      RuntimeRecord r = find(s, (String) input.get("agentRuntimeId"));
      if (r.life.busy() && !r.life.is("DELETING")) {
        throw Errors.conflict("Agent runtime " + r.id + " is " + r.life.status + "; it can be deleted once that finishes.");
      }
      if (!r.life.is("DELETING")) r.life.begin("DELETING", ctx.now(), ctx.now().plus(ctx.settings().latency().runtimeDelete()));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("agentRuntimeId", r.id);
      out.put("agentRuntimeVersion", String.valueOf(r.version()));
      out.put("status", r.life.status);
      return out;
    }
  }

  Map<String, Object> list(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settler.settle(s, ctx.now());
      List<RuntimeRecord> all = new ArrayList<>(s.runtimes.values());
      all.sort(Comparator.comparing(RuntimeRecord::listKey));
      Paging.Page<RuntimeRecord> page =
          Paging.page(all, RuntimeRecord::listKey, input.get("maxResults"), input.get("nextToken"), DEFAULT_PAGE);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("agentRuntimes", page.items().stream().map(r -> (Object) r.summary()).toList());
      Values.putIf(out, "nextToken", page.nextToken());
      return out;
    }
  }

  /** Due transitions: READY while the role exists, else *_FAILED; DELETING → gone with its tags. Caller holds the lock. */
  void settle(AgentCoreState s, Instant now) {
    s.runtimes.values().removeIf(r -> {
      Optional<Instant> at = r.life.due(now);
      if (at.isEmpty()) return false;
      if (r.life.is("DELETING")) {
        s.tags.remove(r.arn);
        return true;
      }
      String role = (String) r.spec().get("roleArn");
      if (Roles.exists(cloud, r.accountId, role)) {
        r.life.end("READY", at.get());
      } else {
        r.life.end(r.life.is("CREATING") ? "CREATE_FAILED" : "UPDATE_FAILED", at.get());
        r.failureReason = "Role validation failed for '" + role + "': the role no longer exists.";
      }
      return false;
    });
  }

  private static RuntimeRecord find(AgentCoreState s, String id) {
    RuntimeRecord r = s.runtimes.get(id);
    if (r == null) throw Errors.notFound("Agent runtime " + id + " not found.");
    return r;
  }

  /** An update replaces the configuration: members it leaves out fall back to the service's defaults. */
  private static Map<String, Object> spec(Map<String, Object> current, Map<String, Object> input) {
    Map<String, Object> spec = new LinkedHashMap<>();
    for (String m : RuntimeRecord.SPEC_MEMBERS) Values.putIf(spec, m, Values.copy(input.get(m)));
    spec.putIfAbsent("networkConfiguration", new LinkedHashMap<>(Map.of("networkMode", "PUBLIC")));
    spec.putIfAbsent("lifecycleConfiguration", new LinkedHashMap<>(Map.of("idleRuntimeSessionTimeout", 900, "maxLifetime", 28800)));
    if (current != null && !spec.containsKey("description")) Values.putIf(spec, "description", current.get("description"));
    return spec;
  }
}
