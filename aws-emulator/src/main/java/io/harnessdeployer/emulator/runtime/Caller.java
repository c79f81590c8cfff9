package io.harnessdeployer.emulator.runtime;

/**
 * Who signed a request: the configured IAM user of the emulator's account, or a role session that
 * STS AssumeRole issued (then the request acts in the role's account).
 *
 * @param arn {@code arn:aws:iam::<account>:user/emulator} or {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}
 * @param userId what GetCallerIdentity answers as UserId ({@code AIDA…} or {@code AROA…:<session>})
 */
public record Caller(String accountId, String arn, String userId) {
  /** The IAM user every long-term key stands for. */
  public static final String USER_NAME = "emulator";
  /** A fixed IAM user id, shaped like AWS's (AIDA + 16 characters). */
  public static final String USER_ID = "AIDAEMULATOR0000USER";

  /** The emulator's own IAM user in {@code accountId}. */
  public static Caller user(String accountId) {
    return new Caller(accountId, "arn:aws:iam::" + accountId + ":user/" + USER_NAME, USER_ID);
  }
}
