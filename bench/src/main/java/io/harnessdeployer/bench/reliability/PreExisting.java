package io.harnessdeployer.bench.reliability;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Resources a case makes in the lane's emulator before its deploy, as someone else would have. */
final class PreExisting {
  private PreExisting() {}

  /** A log group of this name with these tags (none of this deployment's: a deploy adopts it). */
  static void logGroup(Lane lane, String name, Map<String, String> tags) {
    try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(lane.awsEndpoint())
        .region(Region.of(FaultSection.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build()) {
      logs.createLogGroup(r -> r.logGroupName(name).tags(tags));
    }
  }
}
