package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DescribeTaskDefinition, ListTaskDefinitions, DeregisterTaskDefinition and DeleteTaskDefinitions.
 * Revisions are registered by Express service creates and updates. A deleted revision is
 * DELETE_IN_PROGRESS for the {@code ecsServiceDrain} delay, then gone.
 */
final class TaskDefinitionOperations {
  private final AccountRegionStore<EcsState> store;

  TaskDefinitionOperations(AccountRegionStore<EcsState> store) {
    this.store = store;
  }

  Map<String, Object> describeTaskDefinition(RequestContext ctx, Map<String, Object> in) {
    String ref = Inputs.required(in, "taskDefinition");
    EcsState state = store.of(ctx);
    synchronized (state) {
      state.taskDefinitions.purge(ctx.now());
      EcsTaskDefinition td = byReference(state, localPart(ref));
      if (td == null) throw EcsMessages.taskDefinitionNotFound();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("taskDefinition", EcsViews.taskDefinition(td));
      if (Inputs.includes(in, "TAGS")) out.put("tags", Tags.toList(td.tags));
      return out;
    }
  }

  /**
   * {@code familyPrefix} selects one family by its full name, as the API reference says ("The full
   * family name to filter the ListTaskDefinitions results with") and as moto does.
   */
  Map<String, Object> listTaskDefinitions(RequestContext ctx, Map<String, Object> in) {
    String status = Inputs.string(in, "status");
    boolean descending = "DESC".equals(Inputs.string(in, "sort"));
    EcsState state = store.of(ctx);
    List<String> arns;
    synchronized (state) {
      state.taskDefinitions.purge(ctx.now());
      arns =
          state.taskDefinitions
              .list(Inputs.string(in, "familyPrefix"), status == null ? EcsTaskDefinition.ACTIVE : status, descending)
              .stream()
              .map(td -> td.arn)
              .toList();
    }
    return Paging.page(
        arns, "taskDefinitionArns", Inputs.integer(in, "maxResults"), Inputs.string(in, "nextToken"),
        EcsDefaults.LIST_TASK_DEFINITIONS_PAGE);
  }

  Map<String, Object> deregisterTaskDefinition(RequestContext ctx, Map<String, Object> in) {
    String local = localPart(Inputs.required(in, "taskDefinition"));
    if (!local.contains(":")) throw EcsMessages.revisionMissing();
    EcsState state = store.of(ctx);
    synchronized (state) {
      state.taskDefinitions.purge(ctx.now());
      EcsTaskDefinition td = byReference(state, local);
      if (td == null) throw EcsMessages.taskDefinitionNotFound();
      if (EcsTaskDefinition.ACTIVE.equals(td.status)) {
        td.status = EcsTaskDefinition.INACTIVE;
        td.deregisteredAt = ctx.now();
      }
      return Map.of("taskDefinition", EcsViews.taskDefinition(td));
    }
  }

  Map<String, Object> deleteTaskDefinitions(RequestContext ctx, Map<String, Object> in) {
    List<String> refs = Inputs.strings(in, "taskDefinitions");
    if (refs.isEmpty()) throw EcsMessages.noTaskDefinitions();
    if (refs.size() > EcsDefaults.DELETE_TASK_DEFINITIONS_MAX) throw EcsMessages.tooManyTaskDefinitions();
    List<Object> deleted = new ArrayList<>();
    List<Object> failures = new ArrayList<>();
    EcsState state = store.of(ctx);
    synchronized (state) {
      state.taskDefinitions.purge(ctx.now());
      for (String ref : refs) {
        String local = localPart(ref);
        if (!local.contains(":")) {
          failures.add(EcsViews.failure(ref, EcsMessages.TD_INVALID_ID));
          continue;
        }
        EcsTaskDefinition td = byReference(state, local);
        if (td == null) {
          failures.add(EcsViews.failure(ref, EcsMessages.TD_DOES_NOT_EXIST));
        } else if (EcsTaskDefinition.ACTIVE.equals(td.status)) {
          failures.add(EcsViews.failure(td.arn, EcsMessages.TD_STILL_ACTIVE));
        } else {
          if (td.deleteRequestedAt == null) {
            td.status = EcsTaskDefinition.DELETE_IN_PROGRESS;
            td.deleteRequestedAt = ctx.now();
            td.purgeAt = ctx.now().plus(ctx.settings().latency().ecsServiceDrain());
          }
          deleted.add(EcsViews.taskDefinition(td));
        }
      }
    }
    return Map.of("taskDefinitions", deleted, "failures", failures);
  }

  /** {@code family:revision} or a bare family (its newest ACTIVE revision); null if unknown. */
  static EcsTaskDefinition byReference(EcsState state, String local) {
    int colon = local.lastIndexOf(':');
    if (colon < 0) return state.taskDefinitions.latestActive(local);
    try {
      return state.taskDefinitions.find(local.substring(0, colon), Integer.parseInt(local.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw EcsMessages.invalidParameter("Invalid revision number. Number: " + local.substring(colon + 1));
    }
  }

  /** {@code family[:revision]} from a name or a task-definition ARN. */
  private static String localPart(String ref) {
    if (!ref.startsWith("arn:")) return ref;
    EcsArns.Parsed p = EcsArns.parse(ref);
    if (p == null || !p.type().equals("task-definition")) throw EcsMessages.invalidArn(ref);
    return p.id();
  }
}
