package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource on clusters, services and task definitions. */
final class TagOperations {
  private final AccountRegionStore<EcsState> store;

  TagOperations(AccountRegionStore<EcsState> store) {
    this.store = store;
  }

  Map<String, Object> tagResource(RequestContext ctx, Map<String, Object> in) {
    Map<String, String> added = Tags.fromList(Inputs.list(in, "tags"));
    EcsState state = store.of(ctx);
    synchronized (state) {
      tagsOf(ctx, state, Inputs.required(in, "resourceArn")).putAll(added);
    }
    return Map.of();
  }

  Map<String, Object> untagResource(RequestContext ctx, Map<String, Object> in) {
    EcsState state = store.of(ctx);
    synchronized (state) {
      tagsOf(ctx, state, Inputs.required(in, "resourceArn")).keySet().removeAll(Inputs.strings(in, "tagKeys"));
    }
    return Map.of();
  }

  Map<String, Object> listTagsForResource(RequestContext ctx, Map<String, Object> in) {
    EcsState state = store.of(ctx);
    synchronized (state) {
      return Map.of("tags", Tags.toList(tagsOf(ctx, state, Inputs.required(in, "resourceArn"))));
    }
  }

  /** The live tag map of the resource named by {@code arn}. */
  private static Map<String, String> tagsOf(RequestContext ctx, EcsState state, String arn) {
    EcsArns.Parsed p = EcsArns.parse(arn);
    if (p == null || !p.region().equals(ctx.region()) || !p.account().equals(ctx.accountId())) {
      throw EcsMessages.invalidArn(arn);
    }
    switch (p.type()) {
      case "cluster" -> {
        EcsCluster c = state.clusters.get(p.id());
        if (c == null) throw EcsMessages.clusterNotFound();
        return c.tags;
      }
      case "service" -> {
        ExpressService s = state.services.get(arn);
        if (s == null) {
          String cluster = p.id().contains("/") ? p.id().substring(0, p.id().indexOf('/')) : p.id();
          if (!state.clusters.containsKey(cluster)) throw EcsMessages.clusterNotFound();
          throw EcsMessages.resourceNotFound(arn);
        }
        return s.tags;
      }
      case "task-definition" -> {
        EcsTaskDefinition td = TaskDefinitionOperations.byReference(state, p.id());
        if (td == null) throw EcsMessages.resourceNotFound(arn);
        return td.tags;
      }
      default -> throw EcsMessages.invalidArn(arn);
    }
  }
}
