package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/** The Token Vault API-key provider: GetApiKeyCredentialProvider (never its key), TagResource on its ARN. */
final class ProviderAdoption implements Adoptable {
  private final Regional<BedrockAgentCoreControlClient> control;

  ProviderAdoption(Regional<BedrockAgentCoreControlClient> control) {
    this.control = control;
  }

  @Override
  public Optional<Found> find(String region, AdoptTarget target) {
    BedrockAgentCoreControlClient client = control.in(region);
    String arn;
    try {
      arn = client.getApiKeyCredentialProvider(r -> r.name(target.name())).credentialProviderArn();
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(new Found(arn, AgentCoreTags.of(client, arn)));
  }

  @Override
  public void tag(String region, Found found, Map<String, String> tags) {
    control.in(region).tagResource(r -> r.resourceArn(found.arn()).tags(tags));
  }
}
