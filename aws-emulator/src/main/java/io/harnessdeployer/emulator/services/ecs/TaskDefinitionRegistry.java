package io.harnessdeployer.emulator.services.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Task-definition families of one account and region. Revisions are never reused. */
final class TaskDefinitionRegistry {
  private final Map<String, TreeMap<Integer, EcsTaskDefinition>> families = new TreeMap<>();
  private final Map<String, Integer> lastRevision = new HashMap<>();

  /** Reserves the next revision number of {@code family}. */
  int nextRevision(String family) {
    return lastRevision.merge(family, 1, Integer::sum);
  }

  void add(EcsTaskDefinition td) {
    families.computeIfAbsent(td.family, f -> new TreeMap<>()).put(td.revision, td);
  }

  /** Forgets revisions whose deletion has completed. */
  void purge(Instant now) {
    for (TreeMap<Integer, EcsTaskDefinition> revs : families.values()) {
      revs.values().removeIf(td -> td.purgeAt != null && !now.isBefore(td.purgeAt));
    }
    families.values().removeIf(Map::isEmpty);
  }

  /** A revision by {@code family:revision} or ARN; null if unknown. */
  EcsTaskDefinition find(String family, int revision) {
    TreeMap<Integer, EcsTaskDefinition> revs = families.get(family);
    return revs == null ? null : revs.get(revision);
  }

  /** The newest ACTIVE revision of a family, as ECS resolves a bare family name. */
  EcsTaskDefinition latestActive(String family) {
    TreeMap<Integer, EcsTaskDefinition> revs = families.get(family);
    if (revs == null) return null;
    return revs.descendingMap().values().stream()
        .filter(td -> EcsTaskDefinition.ACTIVE.equals(td.status))
        .findFirst()
        .orElse(null);
  }

  /** Revisions in {@code status}, of {@code family} if given, by family then revision. */
  List<EcsTaskDefinition> list(String family, String status, boolean descending) {
    List<EcsTaskDefinition> out = new ArrayList<>();
    families.forEach(
        (f, revs) -> {
          if (family != null && !family.equals(f)) return;
          revs.values().stream().filter(td -> td.status.equals(status)).forEach(out::add);
        });
    Comparator<EcsTaskDefinition> order =
        Comparator.<EcsTaskDefinition, String>comparing(td -> td.family).thenComparingInt(td -> td.revision);
    out.sort(descending ? order.reversed() : order);
    return out;
  }

  List<EcsTaskDefinition> all() {
    List<EcsTaskDefinition> out = new ArrayList<>();
    families.values().forEach(revs -> out.addAll(revs.values()));
    return out;
  }
}
