package io.harnessdeployer.activities.secrets;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Observed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * A secret as drift sees it: name, ARN, whether it is scheduled for deletion, the AWSCURRENT
 * version id (and whether it is the one a deploy recorded in {@link Names#TAG_SECRET_VERSION}) and
 * the credential key names its value holds. The value is parsed for its key names
 * and dropped at once (see {@link SecretKeys}); it is never in the observation or an error.
 */
final class SecretObservation {
  private SecretObservation() {}

  static Observed of(SecretsManagerClient client, String id) {
    Optional<DescribeSecretResponse> found = SecretsActivitiesImpl.describe(client, id);
    if (found.isEmpty()) {
      return Observed.missing();
    }
    DescribeSecretResponse secret = found.get();
    boolean deleted = secret.deletedDate() != null;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", secret.name());
    p.put("arn", secret.arn());
    p.put("deleted", deleted);
    String current = SecretsActivitiesImpl.currentVersion(secret);
    if (current != null) {
      p.put("currentVersionId", current);
      p.put("currentVersion", currentVersion(current, SecretsActivitiesImpl.tags(secret).get(Names.TAG_SECRET_VERSION)));
    }
    if (!deleted) {
      keys(client, secret.arn()).ifPresent(keys -> p.put("keys", keys));
    }
    return new Observed(true, null, SecretsActivitiesImpl.tags(secret), p);
  }

  /** {@code deployed}, or the AWSCURRENT id beside the recorded one: a changed value, by version only. */
  private static String currentVersion(String current, String recorded) {
    if (recorded == null) {
      return current + " (no version recorded by a deploy: deploy again to record it)";
    }
    return current.equals(recorded) ? Names.SECRET_VERSION_DEPLOYED : current + " (the deploy recorded " + recorded + ")";
  }

  /** Empty when the value cannot be read (no permission): unknown, which is not "no keys". */
  private static Optional<List<String>> keys(SecretsManagerClient client, String arn) {
    try {
      return Optional.of(SecretKeys.of(client.getSecretValue(r -> r.secretId(arn)).secretString()));
    } catch (SdkException e) {
      if (AwsFailures.isRetryable(AwsFailures.classify("GetSecretValue", e).getType())) {
        throw e;
      }
      return Optional.empty();
    }
  }
}
