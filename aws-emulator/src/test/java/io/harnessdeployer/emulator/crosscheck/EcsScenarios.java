package io.harnessdeployer.emulator.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;

/** ECS cluster scenarios: missing, duplicate and deleted clusters. */
final class EcsScenarios {
  private EcsScenarios() {}

  static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("ecs.describeMissingCluster", EcsScenarios::describeMissingCluster);
    all.put("ecs.createClusterTwice", EcsScenarios::createClusterTwice);
    all.put("ecs.deleteMissingCluster", EcsScenarios::deleteMissingCluster);
    all.put("ecs.deleteCluster", EcsScenarios::deleteCluster);
    return all;
  }

  private static void describeMissingCluster(Target target, Observations seen) {
    try (EcsClient ecs = target.client(EcsClient.builder())) {
      var described = seen.call("DescribeClusters missing", () -> ecs.describeClusters(b -> b.clusters("diff-ecs-missing")));
      seen.value("clusters", described.clusters().size());
      seen.value("failure arn", described.failures().get(0).arn());
      seen.value("failure reason", described.failures().get(0).reason());
    }
  }

  private static void createClusterTwice(Target target, Observations seen) {
    try (EcsClient ecs = target.client(EcsClient.builder())) {
      Cluster first = seen.call("CreateCluster", () -> ecs.createCluster(b -> b.clusterName("diff-ecs-twice"))).cluster();
      seen.value("arn", first.clusterArn());
      seen.value("status", first.status());
      Cluster second = seen.call("CreateCluster again", () -> ecs.createCluster(b -> b.clusterName("diff-ecs-twice"))).cluster();
      seen.value("same arn", second.clusterArn().equals(first.clusterArn()));
      seen.value("status again", second.status());
      seen.value("described", ecs.describeClusters(b -> b.clusters("diff-ecs-twice")).clusters().size());
    }
  }

  private static void deleteMissingCluster(Target target, Observations seen) {
    try (EcsClient ecs = target.client(EcsClient.builder())) {
      seen.call("DeleteCluster missing", () -> ecs.deleteCluster(b -> b.cluster("diff-ecs-never-created")));
    }
  }

  private static void deleteCluster(Target target, Observations seen) {
    try (EcsClient ecs = target.client(EcsClient.builder())) {
      String arn = seen.call("CreateCluster", () -> ecs.createCluster(b -> b.clusterName("diff-ecs-delete"))).cluster().clusterArn();
      Cluster deleted = seen.call("DeleteCluster", () -> ecs.deleteCluster(b -> b.cluster(arn))).cluster();
      seen.value("deleted status", deleted.status());
      var described = ecs.describeClusters(b -> b.clusters("diff-ecs-delete"));
      seen.value("described status", described.clusters().get(0).status());
      seen.value("described failures", described.failures().size());
      seen.call("DeleteCluster again", () -> ecs.deleteCluster(b -> b.cluster("diff-ecs-delete")));
      Cluster recreated = seen.call("CreateCluster after delete", () -> ecs.createCluster(b -> b.clusterName("diff-ecs-delete"))).cluster();
      seen.value("recreated status", recreated.status());
      seen.value("recreated same arn", recreated.clusterArn().equals(arn));
    }
  }
}
