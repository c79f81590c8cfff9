package io.harnessdeployer.emulator.services.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECS in one account and region. Operations lock the whole state: it is small and calls are short. */
final class EcsState {
  final Map<String, EcsCluster> clusters = new LinkedHashMap<>();
  /** Express services by ARN, in creation order (a recreated name moves to the end). */
  final Map<String, ExpressService> services = new LinkedHashMap<>();
  final TaskDefinitionRegistry taskDefinitions = new TaskDefinitionRegistry();
  private long sequence;

  long nextSequence() {
    return ++sequence;
  }

  List<ExpressService> servicesIn(String clusterName) {
    return services.values().stream().filter(s -> s.clusterName.equals(clusterName)).toList();
  }
}
