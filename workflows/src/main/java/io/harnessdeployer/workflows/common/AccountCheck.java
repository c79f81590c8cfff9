package io.harnessdeployer.workflows.common;

import io.harnessdeployer.workflows.steps.AssumedRole;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

/**
 * The worker writes only into the account the client expects: the one its own credentials (its
 * {@code --profile}) resolve to, or the account of the role it asked the worker to assume. A
 * worker with credentials of another account stops before its first write. Workflow code.
 */
public final class AccountCheck {
  /** {@code Workflow.getVersion} change id: DEFAULT = histories from before the check. */
  public static final String CHANGE_ID = "expected-account";

  private AccountCheck() {}

  /** Whether this run checks the account; false only when replaying a history from before the check. */
  public static boolean enabled() {
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /** What is wrong with a request's account and role, or null: checked before any AWS call. */
  public static String problem(String expected, AssumedRole role) {
    if (expected != null && !expected.matches("\\d{12}")) {
      return "expected account must be a 12-digit AWS account id: " + expected;
    }
    if (role != null && role.problem() != null) {
      return "role " + role.roleArn() + " " + role.problem();
    }
    if (role != null && expected != null && !expected.equals(role.account())) {
      return "expected account " + expected + " is not the account of role " + role.roleArn();
    }
    return null;
  }

  /** Throws a non-retryable {@link FailureTypes#ACCOUNT_MISMATCH} naming both accounts; null expected: no check. */
  public static void verify(String expected, AssumedRole role, CallerIdentity actual) {
    if (expected == null || expected.isBlank() || expected.equals(actual.account())) {
      return;
    }
    String why = role != null ? "the account of role " + role.roleArn()
        : "the account of the client's AWS credentials (--profile, AWS_PROFILE)";
    throw ApplicationFailure.newNonRetryableFailure(
        "account mismatch: the worker's AWS identity " + actual.arn() + " is in account " + actual.account()
            + ", but this deployment expects account " + expected + " (" + why + "); nothing was written."
            + " Run the worker with credentials of account " + expected + ", or pass --assume-role-arn",
        FailureTypes.ACCOUNT_MISMATCH);
  }
}
