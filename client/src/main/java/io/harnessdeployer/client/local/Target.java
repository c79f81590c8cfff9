package io.harnessdeployer.client.local;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.workflows.common.Names;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a command sends its Temporal and AWS calls. Each comes from the first of: the flag, the
 * environment ({@code TEMPORAL_ADDRESS}, {@code AWS_ENDPOINT_URL}), a running local stack (its
 * discovery file, while its process lives), the default (127.0.0.1:7233; AWS itself). The local
 * stack's emulator is used only together with its Temporal: a worker elsewhere talks to other AWS.
 *
 * @param awsEndpoint null: AWS's own endpoints
 * @param localStack the local stack behind {@code temporalAddress}, if it is one; null otherwise
 */
public record Target(String temporalAddress, String namespace, String awsEndpoint, LocalStackInfo localStack) {

  public static Target resolve(CliContext ctx, TemporalOptions temporal, AwsOptions aws) {
    Optional<LocalStackInfo> running = new LocalStackFile(ctx.stateDir()).live();
    String address = temporal.explicitAddress(ctx.env())
        .or(() -> running.map(LocalStackInfo::temporalAddress))
        .orElse(TemporalOptions.DEFAULT_ADDRESS);
    LocalStackInfo stack = running.filter(s -> s.temporalAddress().equals(address)).orElse(null);
    String endpoint = aws.endpoint(ctx.env()).orElse(stack == null ? null : stack.awsEndpoint());
    return new Target(address, temporal.namespace(ctx.env()), endpoint, stack);
  }

  /**
   * Checks the explicit Temporal address, namespace, AWS endpoint and state directory (exit 2 when malformed):
   * commands call it first, before they print anything or read a settings file.
   */
  public static void check(CliContext ctx, TemporalOptions temporal, AwsOptions aws) {
    temporal.explicitAddress(ctx.env());
    temporal.namespace(ctx.env());
    aws.endpoint(ctx.env());
    aws.checkRoleFlags();
    ctx.stateDir(); // where a running local stack is announced
  }

  /** Everything on this local stack, whatever the environment says. */
  public static Target of(LocalStackInfo stack) {
    return new Target(stack.temporalAddress(), stack.namespace(), stack.awsEndpoint(), stack);
  }

  public Optional<LocalStackInfo> local() {
    return Optional.ofNullable(localStack);
  }

  /** True when AWS calls go to the local stack's emulator (which takes the test credentials). */
  public boolean awsIsLocal() {
    return localStack != null && localStack.awsEndpoint().equals(awsEndpoint);
  }

  /** How long a deploy waits after creating a role: the emulator's propagation, else the spec's. */
  public Duration iamPropagation() {
    return awsIsLocal() ? localStack.iamPropagation() : Names.IAM_PROPAGATION;
  }
}
