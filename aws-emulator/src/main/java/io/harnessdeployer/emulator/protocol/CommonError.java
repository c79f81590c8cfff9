package io.harnessdeployer.emulator.protocol;

/** Errors no model declares; each protocol spells them its own way. */
public enum CommonError {
  UNKNOWN_OPERATION,
  MALFORMED_REQUEST,
  INTERNAL_FAILURE,
  NOT_IMPLEMENTED,
  MISSING_AUTHENTICATION,
  UNKNOWN_ACCESS_KEY,
  BAD_SIGNATURE
}
