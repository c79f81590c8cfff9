package io.harnessdeployer.workflows.secrets;

/**
 * A sealed value could not be opened, or a seal key could not be loaded. The message never contains
 * plaintext or key material.
 */
public final class SealException extends RuntimeException {
  public SealException(String message) {
    super(message);
  }

  public SealException(String message, Throwable cause) {
    super(message, cause);
  }
}
