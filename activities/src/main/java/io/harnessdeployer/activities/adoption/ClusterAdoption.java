package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.activities.ecs.EcsTags;

import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/** The ECS cluster: DescribeClusters with tags (an INACTIVE one is gone), TagResource. */
final class ClusterAdoption implements Adoptable {
  private final Regional<EcsClient> ecs;

  ClusterAdoption(Regional<EcsClient> ecs) {
    this.ecs = ecs;
  }

  @Override
  public Optional<Found> find(String region, AdoptTarget target) {
    return ecs.in(region).describeClusters(r -> r.clusters(target.name()).include(ClusterField.TAGS)).clusters()
        .stream()
        .filter(c -> target.name().equals(c.clusterName()) && !"INACTIVE".equals(c.status()))
        .findFirst()
        .map(c -> new Found(c.clusterArn(), EcsTags.of(c.tags())));
  }

  @Override
  public void tag(String region, Found found, Map<String, String> tags) {
    ecs.in(region).tagResource(r -> r.resourceArn(found.arn()).tags(EcsTags.list(tags)));
  }
}
