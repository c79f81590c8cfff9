package io.harnessdeployer.activities.adoption;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/** Tags of an AgentCore resource (provider, harness), by ARN. */
final class AgentCoreTags {
  private AgentCoreTags() {}

  static Map<String, String> of(BedrockAgentCoreControlClient client, String arn) {
    Map<String, String> tags = client.listTagsForResource(r -> r.resourceArn(arn)).tags();
    return tags == null ? Map.of() : new LinkedHashMap<>(tags);
  }
}
