package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.EcrImageUri;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.temporal.failure.ApplicationFailure;

/**
 * Spec §9.2: CreateAgentRuntime rejects an ECR image of another region, so the gateway topology
 * refuses it before any write. Non-ECR images (ECR Public, Docker Hub) pass. Pure: workflow code.
 */
final class ImageRegion {
  private ImageRegion() {}

  static void requireSameRegion(String image, String region) {
    EcrImageUri ecr = EcrImageUri.parse(image).orElse(null);
    if (ecr == null || ecr.region().equals(region)) {
      return;
    }
    throw ApplicationFailure.newNonRetryableFailure("image " + image + " is in ECR region " + ecr.region()
        + ", but the gateway topology deploys to " + region + " and an AgentCore Runtime pulls only from its own"
        + " region's ECR. Either (A) deploy in " + ecr.region() + " (--region " + ecr.region() + "), or (B) copy"
        + " the image to an ECR repository in " + region + " (docker pull, aws ecr create-repository"
        + " --repository-name zscaler-mcp-server --region " + region + ", docker tag, docker push) and set"
        + " ZSCALER_MCP_IMAGE_URI to it. The ecs topology has no such restriction.", FailureTypes.VALIDATION);
  }
}
