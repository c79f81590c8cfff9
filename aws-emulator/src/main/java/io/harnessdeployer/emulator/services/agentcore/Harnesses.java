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

/** CreateHarness, GetHarness, UpdateHarness, DeleteHarness, ListHarnesses. */
final class Harnesses {
  /** Used when CreateHarness names no model; the response must carry one. */
  static final String DEFAULT_MODEL_ID = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final int DEFAULT_PAGE = 10;
  /** Update members wrapped as {@code {"optionalValue": X}}: a wrapper without a value clears. */
  private static final List<String> WRAPPED = List.of("environmentArtifact", "authorizerConfiguration", "memory");

  private final AccountRegionStore<AgentCoreState> store;
  private final CloudLookup cloud;
  private final Ids ids;

  Harnesses(AccountRegionStore<AgentCoreState> store, CloudLookup cloud, Ids ids) {
    this.store = store;
    this.cloud = cloud;
    this.ids = ids;
  }

  Map<String, Object> create(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      String name = (String) input.get("harnessName");
      Map<String, Object> request = withoutToken(input);
      Optional<HarnessRecord> replay = replay(s, input, "CreateHarness", request);
      if (replay.isPresent()) return Map.of("harness", replay.get().output(null));
      if (s.harnesses.values().stream().anyMatch(h -> h.name.equals(name))) {
        throw Errors.conflict("A harness with the name " + name + " already exists.");
      }
      HarnessMemory.checkLimits(input);
      Roles.requireAssumable(ctx, cloud, "executionRoleArn", (String) input.get("executionRoleArn"));
      String id = name + "-" + ids.alnum(10);
      String arn = ctx.arn("bedrock-agentcore", "harness/" + id);
      Map<String, Object> spec = new LinkedHashMap<>();
      for (String m : HarnessRecord.SPEC_MEMBERS) Values.putIf(spec, m, Values.copy(input.get(m)));
      spec.putIfAbsent("model", Map.of("bedrockModelConfig", Map.of("modelId", DEFAULT_MODEL_ID)));
      spec.putIfAbsent("systemPrompt", List.of());
      spec.putIfAbsent("tools", List.of());
      spec.putIfAbsent("skills", List.of());
      spec.putIfAbsent("allowedTools", List.of("*"));
      spec.putIfAbsent("truncation", Map.of("strategy", "sliding_window"));
      spec.put("memory", HarnessMemory.stored(ctx, ids, name, Values.map(input.get("memory")), null));
      spec.put("environment", environment(ctx, name, null, Values.map(input.get("environment"))));
      HarnessRecord h = new HarnessRecord(id, name, arn, ctx.accountId(), spec, ctx.now(),
          ctx.now().plus(ctx.settings().latency().harnessCreate()));
      s.harnesses.put(id, h);
      s.tags.put(arn, Values.tags(input.get("tags")));
      remember(s, input, "CreateHarness", request, h);
      return Map.of("harness", h.output(null));
    }
  }

  Map<String, Object> get(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      HarnessRecord h = find(s, (String) input.get("harnessId"));
      Object version = input.get("harnessVersion");
      Map<String, Object> out = h.output(version == null ? null : Integer.valueOf(version.toString()));
      if (out == null) throw Errors.notFound("Harness " + h.id + " has no version " + version + ".");
      return Map.of("harness", out);
    }
  }

  Map<String, Object> update(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      HarnessRecord h = find(s, (String) input.get("harnessId"));
      Map<String, Object> request = withoutToken(input);
      Optional<HarnessRecord> replay = replay(s, input, "UpdateHarness", request);
      if (replay.isPresent()) return Map.of("harness", replay.get().output(null));
      if (!h.status.equals("READY") && !h.status.equals("UPDATE_FAILED")) {
        throw Errors.conflict("Harness " + h.id + " is " + h.status + "; it can be updated once it is READY.");
      }
      HarnessMemory.checkLimits(input);
      if (input.get("executionRoleArn") != null) Roles.requireAssumable(ctx, cloud, "executionRoleArn", (String) input.get("executionRoleArn"));
      Map<String, Object> spec = Values.copy(h.spec());
      for (String m : HarnessRecord.SPEC_MEMBERS) {
        Object v = input.get(m);
        if (v == null) continue;
        if (m.equals("environment")) {
          spec.put(m, environment(ctx, h.name, Values.map(spec.get(m)), Values.map(v)));
        } else if (WRAPPED.contains(m)) {
          Object value = Values.map(v).get("optionalValue");
          if (m.equals("memory") && value != null) {
            spec.put(m, HarnessMemory.stored(ctx, ids, h.name, Values.map(value), Values.map(spec.get(m))));
          } else if (value == null) {
            spec.remove(m);
          } else {
            spec.put(m, Values.copy(value));
          }
        } else {
          spec.put(m, Values.copy(v));
        }
      }
      h.update(spec, ctx.now(), ctx.now().plus(ctx.settings().latency().harnessUpdate()));
      remember(s, input, "UpdateHarness", request, h);
      return Map.of("harness", h.output(null));
    }
  }

  Map<String, Object> delete(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      HarnessRecord h = find(s, (String) input.get("harnessId"));
      if (h.busy()) {
        throw Errors.conflict("Harness " + h.id + " is " + h.status + "; it can be deleted once that finishes.");
      }
      if (!h.status.equals("DELETING")) h.delete(ctx.now(), ctx.now().plus(ctx.settings().latency().harnessDelete()));
      return Map.of("harness", h.output(null));
    }
  }

  Map<String, Object> list(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      List<HarnessRecord> all = new ArrayList<>(s.harnesses.values());
      all.sort(Comparator.comparing(HarnessRecord::listKey));
      Paging.Page<HarnessRecord> page =
          Paging.page(all, HarnessRecord::listKey, input.get("maxResults"), input.get("nextToken"), DEFAULT_PAGE);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("harnesses", page.items().stream().map(h -> (Object) h.summary()).toList());
      Values.putIf(out, "nextToken", page.nextToken());
      return out;
    }
  }

  /** A live harness by ARN in the caller's account and region, for the data plane; settled first. */
  Optional<HarnessSnapshot> byArn(RequestContext ctx, String arn) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      return s.harnesses.values().stream()
          .filter(h -> h.arn.equals(arn))
          .findFirst()
          .map(h -> new HarnessSnapshot(h.id, h.arn, h.status, Values.copy(h.spec())));
    }
  }

  /** What the data plane needs of a harness, copied out under the lock. */
  record HarnessSnapshot(String id, String arn, String status, Map<String, Object> spec) {}

  /** Applies due transitions; drops deleted harnesses and their tags. Caller holds the lock. */
  void settle(AgentCoreState s, Instant now) {
    s.harnesses.values().removeIf(h -> {
      boolean gone = h.settle(now, role -> role != null && cloud.roleCreatedAt(h.accountId, role).isPresent());
      if (gone) s.tags.remove(h.arn);
      return gone;
    });
  }

  private static HarnessRecord find(AgentCoreState s, String id) {
    HarnessRecord h = s.harnesses.get(id);
    if (h == null) throw Errors.notFound("Harness " + id + " not found.");
    return h;
  }

  private static Optional<HarnessRecord> replay(
      AgentCoreState s, Map<String, Object> input, String operation, Map<String, Object> request) {
    return ClientTokens.replay(s, input, operation, s.harnesses::containsKey).map(s.harnesses::get);
  }

  private static void remember(
      AgentCoreState s, Map<String, Object> input, String operation, Map<String, Object> request, HarnessRecord h) {
    ClientTokens.remember(s, input, operation, h.id, h.version());
  }

  private static Map<String, Object> withoutToken(Map<String, Object> input) {
    return ClientTokens.request(input);
  }

  /**
   * The response form of {@code environment}: the managed runtime AgentCore creates for the harness,
   * with the request's lifecycle, network and filesystem settings laid over the current ones.
   */
  private Map<String, Object> environment(
      RequestContext ctx, String name, Map<String, Object> current, Map<String, Object> request) {
    Map<String, Object> env = current != null ? Values.copy(Values.map(current.get("agentCoreRuntimeEnvironment"))) : null;
    if (env == null) {
      String runtimeId = "harness_" + name + "-" + ids.alnum(10);
      env = new LinkedHashMap<>();
      env.put("agentRuntimeArn", ctx.arn("bedrock-agentcore", "runtime/" + runtimeId));
      env.put("agentRuntimeName", "harness_" + name);
      env.put("agentRuntimeId", runtimeId);
      env.put("lifecycleConfiguration", new LinkedHashMap<>(Map.of("idleRuntimeSessionTimeout", 900, "maxLifetime", 28800)));
      env.put("networkConfiguration", new LinkedHashMap<>(Map.of("networkMode", "PUBLIC")));
    }
    Map<String, Object> req = request == null ? null : Values.map(request.get("agentCoreRuntimeEnvironment"));
    if (req != null) {
      Map<String, Object> lifecycle = Values.map(req.get("lifecycleConfiguration"));
      if (lifecycle != null) Values.map(env.get("lifecycleConfiguration")).putAll(Values.copy(lifecycle));
      Values.putIf(env, "networkConfiguration", Values.copy(req.get("networkConfiguration")));
      Values.putIf(env, "filesystemConfigurations", Values.copy(req.get("filesystemConfigurations")));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agentCoreRuntimeEnvironment", env);
    return out;
  }
}
