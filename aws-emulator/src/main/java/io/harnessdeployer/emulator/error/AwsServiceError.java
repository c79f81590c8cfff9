package io.harnessdeployer.emulator.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error as a handler raises it. {@code code} is the error shape's name in the service model
 * (for example {@code NoSuchEntityException}); the protocol layer looks up the wire code and HTTP
 * status from the model's error trait, so handlers never type a status. Errors that a service does not
 * model (throttling, access denied, 5xx) use {@link #common} with an explicit status.
 */
public final class AwsServiceError extends RuntimeException {
  private final String code;
  private final Integer httpStatus;
  private final boolean senderFault;
  private final Map<String, Object> fields;

  private AwsServiceError(
      String code, Integer httpStatus, boolean senderFault, String message, Map<String, Object> fields) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
    this.senderFault = senderFault;
    this.fields = fields;
  }

  /** A modeled error: status and wire code come from the model. */
  public static AwsServiceError of(String shapeName, String message) {
    return new AwsServiceError(shapeName, null, true, message, new LinkedHashMap<>());
  }

  /** An error the model does not declare for this operation. */
  public static AwsServiceError common(String code, int httpStatus, String message) {
    return new AwsServiceError(code, httpStatus, httpStatus < 500, message, new LinkedHashMap<>());
  }

  /** Adds a member of the error shape, such as ValidationException's {@code reason}. */
  public AwsServiceError with(String member, Object value) {
    fields.put(member, value);
    return this;
  }

  public String code() {
    return code;
  }

  /** Null when the model decides. */
  public Integer httpStatus() {
    return httpStatus;
  }

  public boolean senderFault() {
    return senderFault;
  }

  public Map<String, Object> fields() {
    return fields;
  }
}
