package io.harnessdeployer.activities.agentcore;

import java.time.Duration;
import java.util.Set;

/**
 * An error answered by the Harness API, before or inside an InvokeHarness stream. The message is
 * the service's own; request bodies never go into it.
 */
public final class HarnessApiException extends RuntimeException {
  private static final Set<String> RETRYABLE_CODES =
      Set.of("ThrottlingException", "TooManyRequestsException", "InternalServerException", "ServiceUnavailableException",
          "RequestTimeout", "RequestTimeoutException");

  private final String code;
  private final int httpStatus;
  private final String requestId;
  private final Duration retryAfter;

  public HarnessApiException(String code, int httpStatus, String message, String requestId) {
    this(code, httpStatus, message, requestId, null);
  }

  /** @param retryAfter the response's {@code Retry-After}, or null */
  public HarnessApiException(String code, int httpStatus, String message, String requestId, Duration retryAfter) {
    super(code + " (HTTP " + httpStatus + "): " + message + (requestId == null ? "" : " [request id " + requestId + "]"));
    this.code = code;
    this.httpStatus = httpStatus;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /** How long the service asked us to wait before retrying, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The error shape's name, such as {@code ConflictException}. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String requestId() {
    return requestId;
  }

  /** Throttling and server faults; a quota (402) or any other client error will not pass on retry. */
  public boolean retryable() {
    return httpStatus == 429 || httpStatus >= 500 || RETRYABLE_CODES.contains(code);
  }
}
