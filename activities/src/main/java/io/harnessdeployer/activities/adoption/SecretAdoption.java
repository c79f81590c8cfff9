package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The managed secret: DescribeSecret (never its value), TagResource. One scheduled for deletion is
 * still taken over: deploy restores it, destroy schedules it again.
 */
final class SecretAdoption implements Adoptable {
  private final Regional<SecretsManagerClient> secrets;

  SecretAdoption(Regional<SecretsManagerClient> secrets) {
    this.secrets = secrets;
  }

  @Override
  public Optional<Found> find(String region, AdoptTarget target) {
    DescribeSecretResponse secret;
    try {
      secret = secrets.in(region).describeSecret(r -> r.secretId(target.name()));
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    if (secret.hasTags()) {
      secret.tags().forEach(t -> tags.put(t.key(), t.value()));
    }
    return Optional.of(new Found(secret.arn(), tags));
  }

  @Override
  public void tag(String region, Found found, Map<String, String> tags) {
    secrets.in(region).tagResource(r -> r.secretId(found.arn()).tags(tags.entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
  }
}
