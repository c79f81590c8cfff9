package io.harnessdeployer.emulator.protocol;

/** A request value that does not fit its shape; each codec answers it with its protocol's error. */
final class MalformedInput extends RuntimeException {
  MalformedInput(String message) {
    super(message, null, false, false);
  }
}
