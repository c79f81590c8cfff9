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

  /** The start call that created the run: a client that finds another value there has attached. */
  public static final String START_ID = "startId";

  public static Map<String, Object> of(String account) {
    return account == null ? Map.of() : Map.of(STARTED_BY, "account " + account);
  }

  /** {@link #of} plus this start call's own id. */
  public static Map<String, Object> of(String account, String startId) {
    Map<String, Object> memo = new java.util.HashMap<>(of(account));
    memo.put(START_ID, startId);
    return Map.copyOf(memo);
  }

  /** Whether the run was created by the start call with this id (false for runs of older clients). */
  public static boolean createdBy(WorkflowExecutionDescription d, String startId) {
    try {
      return startId.equals(d.getMemo(START_ID, String.class));
    } catch (RuntimeException unreadable) {
      return false;
    }
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
