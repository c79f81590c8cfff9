package io.harnessdeployer.workflows;

/** Task queues shared by the worker (polls them) and the client (starts workflows on them). */
public final class TaskQueues {
  /** Deploy, destroy and drift workflows and every activity they call. */
  public static final String DEPLOY = "harness-deployer";

  private TaskQueues() {}
}
