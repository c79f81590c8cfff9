package io.harnessdeployer.client.temporal;

import io.temporal.client.WorkflowExecutionDescription;
import java.util.Map;

/**
 * Who started a run, kept in its memo (not its history, so no workflow versioning): the AWS
 * account the client resolved with its own credentials, for {@code history}'s audit trail.
 */
public final class RunMemo {
  private RunMemo() {}

  public static final String STARTED_BY = "startedBy";

  public static Map<String, Object> of(String account) {
    return account == null ? Map.of() : Map.of(STARTED_BY, "account " + account);
  }

  /** Null for runs started before the memo was recorded, or by another client. */
  public static String startedBy(WorkflowExecutionDescription d) {
    try {
      Object v = d.getMemo(STARTED_BY, String.class);
      return v == null ? null : v.toString();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
