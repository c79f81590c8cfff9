package io.harnessdeployer.client;

/** Process exit codes of every command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The operation failed, was rolled back, abandoned or cancelled. */
  public static final int FAILED = 1;
  /** Bad input: nothing was started. Same as picocli's usage error. */
  public static final int BAD_INPUT = 2;
  /**
   * {@code drift} found drift, {@code plan} found changes: terraform plan's {@code -detailed-exitcode}
   * (the same number as bad input, as there).
   */
  public static final int CHANGES = 2;
  /** A deploy is paused, waiting for an operator ({@code resume} or {@code rollback}). */
  public static final int PAUSED = 3;
  /** {@code logs --follow} ended by Ctrl-C: the shell's code for a process ended by SIGINT. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
