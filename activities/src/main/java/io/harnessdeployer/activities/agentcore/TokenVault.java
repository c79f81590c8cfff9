package io.harnessdeployer.activities.agentcore;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;

/** What both kinds of Token Vault provider (API key, OAuth2) share: one delete, with one tolerance. */
final class TokenVault {
  private TokenVault() {}

  /** Gone is done, a provider that is not ours is kept, and one gone meanwhile is gone. */
  static DeleteResult delete(ResourceDelete input, String kind, Function<String, Optional<Map<String, String>>> tags,
      Consumer<String> delete, String deleted) {
    String name = input.id();
    try {
      Optional<Map<String, String>> live = tags.apply(name);
      if (live.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "provider not found");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), live.get())) {
        return new DeleteResult(name, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      delete.accept(name);
      return new DeleteResult(name, DeleteOutcome.DELETED, deleted);
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "provider not found");
      }
      throw AwsFailures.classify("AgentCore delete " + kind + " " + name, e);
    }
  }
}
