package io.harnessdeployer.client.live;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.workflows.steps.AssumedRole;

/**
 * The account a deploy or destroy may write to, resolved by the client with ITS OWN credentials
 * ({@code --profile}, {@code AWS_PROFILE}, the default chain; the emulator's on the local stack),
 * or the account of the role the worker is told to assume. The worker refuses any other.
 */
public final class ExpectedAccount {
  private ExpectedAccount() {}

  /** Exit 2 when the profile does not exist or no credentials resolve: before any workflow starts. */
  public static String resolve(LiveAws.Opener opener, Target target, String region, String profile, AssumedRole role) {
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
      throw CliException.badInput("cannot resolve the AWS account of " + whose + " (STS GetCallerIdentity): "
          + OneLine.of(String.valueOf(e.getMessage()), 100));
    }
  }
}
