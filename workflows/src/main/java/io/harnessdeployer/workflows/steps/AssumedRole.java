package io.harnessdeployer.workflows.steps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM role the worker assumes for every AWS call of one deployment ({@code --assume-role-arn}),
 * and the external id its trust policy may require. Data only: the worker's own credentials sign
 * the {@code sts:AssumeRole}; no credential ever travels in a request or in history.
 *
 * @param roleArn {@code arn:<partition>:iam::<12-digit account>:role/<path/name>}
 * @param externalId null when the trust policy asks for none
 */
public record AssumedRole(String roleArn, String externalId) {
  /** A role ARN in any partition; the name part as IAM allows it (path included). */
  public static final Pattern ROLE_ARN =
      Pattern.compile("arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::(\\d{12}):role/"
          + "((?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})");
  /** {@code sts:AssumeRole}'s ExternalId: 2 to 1224 characters of {@code [\w+=,.@:/-]}. */
  public static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

  /** Null when {@code roleArn} is blank: no role to assume. */
  public static AssumedRole of(String roleArn, String externalId) {
    if (roleArn == null || roleArn.isBlank()) {
      return null;
    }
    return new AssumedRole(roleArn.trim(), externalId == null || externalId.isBlank() ? null : externalId.trim());
  }

  /** Why the ARN or the external id cannot be used, or null when both are well formed. */
  public String problem() {
    if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches()) {
      return "is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)";
    }
    if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
      return "has an external id that is not 2 to 1224 characters of letters, digits and +=,.@:/-_";
    }
    return null;
  }

  /** The role's account: the account a deployment through this role writes to. */
  public String account() {
    Matcher m = ROLE_ARN.matcher(roleArn == null ? "" : roleArn);
    return m.matches() ? m.group(2) : null;
  }
}
