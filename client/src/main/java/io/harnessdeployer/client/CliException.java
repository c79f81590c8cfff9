package io.harnessdeployer.client;

/**
 * Ends a command with an exit code and a one-line message on stderr. The message must never hold a
 * secret value.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static CliException badInput(String message) {
    return new CliException(ExitCodes.BAD_INPUT, message);
  }

  public static CliException failed(String message) {
    return new CliException(ExitCodes.FAILED, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
