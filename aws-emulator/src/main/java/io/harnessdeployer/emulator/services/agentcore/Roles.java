package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.RequestContext;
import java.time.Instant;
import java.util.Optional;

/** The synchronous role check AgentCore makes on create and update: it assumes the role there and then. */
final class Roles {
  private Roles() {}

  /** A role that does not exist, or that IAM has not propagated yet, fails the request. */
  static void requireAssumable(RequestContext ctx, CloudLookup cloud, String field, String roleArn) {
    Optional<Instant> created = cloud.roleCreatedAt(ctx.accountId(), roleArn);
    if (created.isEmpty() || ctx.now().isBefore(created.get().plus(ctx.settings().latency().iamPropagation()))) {
      throw Errors.invalidField(field,
          "Role validation failed for '" + roleArn + "'. Verify that the role exists and that its trust policy"
              + " allows bedrock-agentcore.amazonaws.com to assume it.");
    }
  }

  static boolean exists(CloudLookup cloud, String accountId, String roleArn) {
    return roleArn != null && cloud.roleCreatedAt(accountId, roleArn).isPresent();
  }
}
