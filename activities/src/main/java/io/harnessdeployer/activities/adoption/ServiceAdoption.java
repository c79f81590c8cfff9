package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.activities.ecs.EcsTags;

import static io.harnessdeployer.workflows.common.FailureTypes.CONFLICT;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;

/**
 * The ECS Express service in its cluster, found as the seed finds it (spec §8d: ListServices, the
 * ARN's last segment); DescribeExpressGatewayService for its tags; TagResource on its ARN.
 */
final class ServiceAdoption implements Adoptable {
  private final Regional<EcsClient> ecs;

  ServiceAdoption(Regional<EcsClient> ecs) {
    this.ecs = ecs;
  }

  @Override
  public Optional<Found> find(String region, AdoptTarget target) {
    EcsClient client = ecs.in(region);
    try {
      for (String arn : client.listServicesPaginator(r -> r.cluster(target.within())).serviceArns()) {
        if (arn.substring(arn.lastIndexOf('/') + 1).equals(target.name())) {
          return describe(client, arn, target)
              .filter(s -> s.status() == null || !"INACTIVE".equals(s.status().statusCodeAsString()))
              .map(s -> new Found(s.serviceArn(), EcsTags.of(s.tags())));
        }
      }
      return Optional.empty();
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ClusterNotFoundException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void tag(String region, Found found, Map<String, String> tags) {
    ecs.in(region).tagResource(r -> r.resourceArn(found.arn()).tags(EcsTags.list(tags)));
  }

  private static Optional<ECSExpressGatewayService> describe(EcsClient client, String arn, AdoptTarget target) {
    try {
      return Optional.of(client.describeExpressGatewayService(r -> r.serviceArn(arn)
          .include(ExpressGatewayServiceInclude.TAGS)).service());
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceNotFoundException", "ServiceNotFoundException")) {
        return Optional.empty();
      }
      if (AwsFailures.hasCode(e, "InvalidParameterException", "ClientException")) {
        throw AwsFailures.failure(CONFLICT, "ECS service " + target.name() + " in cluster " + target.within()
            + " exists but is not an Express Mode service: not the original tool's");
      }
      throw e;
    }
  }
}
