package io.harnessdeployer.client.live;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.workflows.steps.AssumedRole;
import java.util.function.LongConsumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The account a deploy or destroy may write to, resolved by the client with ITS OWN credentials
 * ({@code --profile}, {@code AWS_PROFILE}, the default chain; the emulator's on the local stack),
 * or the account of the role the worker is told to assume. The worker refuses any other.
 */
public final class ExpectedAccount {
  private ExpectedAccount() {}

  /** Pauses between STS attempts: the SDK's own 3 attempts first, then ours (about 30 s in all). */
  static final long[] BACKOFF_MS = {1000, 2000, 4000, 8000, 8000, 8000};

  /** Exit 2 when the profile does not exist or no credentials resolve: before any workflow starts. */
  public static String resolve(LiveAws.Opener opener, Target target, String region, String profile, AssumedRole role) {
    return resolve(opener, target, region, profile, role, ExpectedAccount::sleep);
  }

  /**
   * As above; a throttled or 5xx STS answer is tried again after {@code pause} (the worker's calls
   * are retried by Temporal, this one is the client's own), and exits 1 once it keeps failing.
   */
  static String resolve(LiveAws.Opener opener, Target target, String region, String profile, AssumedRole role,
      LongConsumer pause) {
    for (int attempt = 0; ; attempt++) {
      try {
        return resolveOnce(opener, target, region, profile, role);
      } catch (TransientStsError e) {
        if (attempt >= BACKOFF_MS.length) {
          throw CliException.failed("AWS STS GetCallerIdentity kept failing (" + (attempt + 1) + " tries): "
              + OneLine.of(String.valueOf(e.getCause().getMessage()), 100) + "; nothing was started, try again later");
        }
        pause.accept(BACKOFF_MS[attempt]);
      }
    }
  }

  /** Throttling or a server error: AWS may answer the same call in a moment. */
  private static final class TransientStsError extends RuntimeException {
    TransientStsError(AwsServiceException cause) {
      super(cause);
    }
  }

  /** Sorted as the worker sorts its own calls' errors: throttling and 5xx may pass in a moment. */
  private static boolean isTransient(RuntimeException e) {
    return e instanceof AwsServiceException
        && AwsFailures.isRetryable(AwsFailures.classify("STS GetCallerIdentity", e).getType());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted while waiting to ask AWS STS again");
    }
  }

  private static String resolveOnce(LiveAws.Opener opener, Target target, String region, String profile,
      AssumedRole role) {
    if (role != null) {
      return role.account(); // a central deployer: the client may hold no credentials of that account
    }
    String whose = profile != null ? "AWS profile " + UserText.quote(profile) : "the default AWS credentials";
    try (LiveAws aws = opener.open(target, region, profile)) {
      String account = aws.callerAccount(region);
      if (account == null || !account.matches("\\d{12}")) {
        throw CliException.badInput("cannot tell the AWS account of " + whose + ": STS answered "
            + UserText.quote(String.valueOf(account)));
      }
      return account;
    } catch (CliException e) {
      throw e;
    } catch (RuntimeException e) {
      if (isTransient(e)) throw new TransientStsError((AwsServiceException) e);
      throw CliException.badInput("cannot resolve the AWS account of " + whose + " (STS GetCallerIdentity): "
          + OneLine.of(String.valueOf(e.getMessage()), 100));
    }
  }
}
