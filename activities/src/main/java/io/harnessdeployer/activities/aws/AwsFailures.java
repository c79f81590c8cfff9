package io.harnessdeployer.activities.aws;

import io.harnessdeployer.activities.agentcore.HarnessApiException;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.secrets.SealException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Turns an AWS SDK error into an {@link ApplicationFailure} of one of the {@link FailureTypes}, so
 * the retry options decide by type. The message names the action, the error code, the HTTP status
 * and the request id; it never carries a request body, and values AWS echoes back ({@code Value
 * '...' at 'apiKey'}) or that the caller names as secret are masked. No cause is attached: an SDK
 * exception's own message is not ours to vouch for.
 */
public final class AwsFailures {
  private AwsFailures() {}

  private static final Set<String> THROTTLING =
      Set.of("Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
          "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
          "ProvisionedThroughputExceededException", "TransactionInProgressException",
          "PriorRequestNotComplete", "BandwidthLimitExceeded", "EC2ThrottledException");
  private static final Set<String> UNAVAILABLE =
      Set.of("ServiceUnavailable", "ServiceUnavailableException", "InternalFailure", "InternalError",
          "InternalServerError", "InternalServerException", "InternalServiceError",
          "InternalServiceErrorException", "ServerException", "ServiceFailure", "ServiceException",
          "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError");
  private static final Set<String> BUSY =
      Set.of("ConcurrentModification", "ConcurrentModificationException", "ResourceInUseException",
          "ResourceInUse", "ClusterContainsServicesException", "ClusterContainsTasksException",
          "ClusterContainsContainerInstancesException", "UpdateInProgressException",
          "OperationAbortedException", "DeleteConflict");
  private static final Set<String> ACCESS_DENIED =
      Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException",
          "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException",
          "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature", "AuthFailure",
          "MissingAuthenticationToken", "MissingAuthenticationTokenException", "NotAuthorized",
          "OptInRequired", "InvalidAccessKeyId");
  private static final Set<String> QUOTA =
      Set.of("LimitExceeded", "LimitExceededException", "ServiceQuotaExceededException",
          "QuotaExceededException", "TooManyTagsException", "PolicySizeLimitExceeded");
  private static final Set<String> NOT_FOUND =
      Set.of("NoSuchEntity", "NoSuchEntityException", "ResourceNotFoundException", "NotFoundException",
          "ClusterNotFoundException", "ServiceNotFoundException", "RepositoryNotFoundException",
          "ImageNotFoundException");
  private static final Set<String> CONFLICT =
      Set.of("EntityAlreadyExists", "EntityAlreadyExistsException", "ResourceAlreadyExistsException",
          "ResourceExistsException", "ConflictException", "AlreadyExistsException");
  private static final Set<String> UNSUPPORTED =
      Set.of("UnsupportedFeatureException", "UnsupportedOperation", "UnknownOperationException",
          "PlatformUnknownException", "NotImplemented");

  /** IAM has not yet propagated a new role to the service that must assume it. */
  private static final Pattern IAM_PROPAGATION =
      Pattern.compile(
          "(?i)(unable to assume (the )?role|cannot be assumed|could not assume (the )?role"
              + "|not authorized to perform:? sts:AssumeRole|role validation failed"
              + "|(failed|unable) to validate (the )?(execution |service )?role"
              + "|role .{0,200} (is )?(invalid|not valid|not assumable)"
              + "|ECS was unable to assume)");
  /** AWS validation messages quote the offending value: {@code Value 'x' at 'apiKey' failed ...}. */
  private static final Pattern ECHOED_VALUE =
      Pattern.compile("(?s)(Value\\s+)(\\[.*?\\]|'.*?'|\".*?\"|\\S+)(\\s+at\\s+')");

  /**
   * The failure for an error of {@code action} (e.g. {@code "CreateRole zscaler-mcp-..."}); {@code
   * secrets} are replaced by {@code ****} wherever they would appear.
   */
  public static ApplicationFailure classify(String action, Throwable error, String... secrets) {
    if (error instanceof ApplicationFailure failure) {
      return failure;
    }
    if (error instanceof SealException) {
      return failure(FailureTypes.UNSEALING, action + ": " + mask(error.getMessage(), secrets));
    }
    if (error instanceof AwsServiceException e) {
      String code = code(e);
      String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
      String type = typeOf(code, e.statusCode(), message);
      Duration retryAfter = e.awsErrorDetails() == null ? null
          : RetryDelays.retryAfter(e.awsErrorDetails().sdkHttpResponse());
      return failure(type, describe(action, code, e, message, secrets), retryAfter);
    }
    if (error instanceof HarnessApiException e) {
      String type = typeOf(e.code(), e.httpStatus(), e.getMessage());
      return failure(type, action + ": " + mask(e.getMessage(), secrets), e.retryAfter());
    }
    if (error instanceof SdkServiceException e) { // a service error without AWS details
      String type = typeOf(null, e.statusCode(), e.getMessage());
      return failure(type, action + ": HTTP " + e.statusCode() + " " + mask(e.getMessage(), secrets));
    }
    java.util.Optional<String> unresolved = unresolvedHost(error);
    if (unresolved.isPresent()) { // an endpoint that does not exist, such as a region without the API
      return failure(FailureTypes.UNSUPPORTED, action + ": endpoint " + unresolved.get() + " does not resolve:"
          + " the service is not offered in this region (or DNS is down); not retried");
    }
    if (error instanceof SdkClientException e) {
      return failure(clientErrorType(e), action + ": " + mask(firstLine(e.getMessage()), secrets));
    }
    if (error instanceof SdkException e) {
      return failure(FailureTypes.SERVICE_UNAVAILABLE, action + ": " + mask(firstLine(e.getMessage()), secrets));
    }
    if (error instanceof java.io.UncheckedIOException || error instanceof java.io.IOException) {
      return failure(FailureTypes.SERVICE_UNAVAILABLE, action + ": " + error.getClass().getSimpleName()
          + ": " + mask(firstLine(error.getMessage()), secrets));
    }
    return failure(FailureTypes.VALIDATION, action + ": " + error.getClass().getSimpleName() + ": "
        + mask(firstLine(error.getMessage()), secrets));
  }

  /** A failure of our own making, retryable or not by its type. */
  public static ApplicationFailure failure(String type, String message) {
    return failure(type, message, null);
  }

  /** As {@link #failure(String, String)}; {@code retryAfter} is the service's hint, or null. */
  static ApplicationFailure failure(String type, String message, Duration retryAfter) {
    ApplicationFailure.Builder b = ApplicationFailure.newBuilder()
        .setType(type)
        .setMessage(message)
        .setNonRetryable(!isRetryable(type));
    RetryDelays.next(type, retryAfter).ifPresent(b::setNextRetryDelay);
    return b.build();
  }

  public static boolean isRetryable(String type) {
    return !Arrays.asList(FailureTypes.NON_RETRYABLE).contains(type);
  }

  /** The AWS error code, or null when the error did not come from an AWS service. */
  public static String code(Throwable error) {
    if (error instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      return e.awsErrorDetails().errorCode();
    }
    if (error instanceof HarnessApiException e) {
      return e.code();
    }
    return null;
  }

  /** An error from AWS or the way to it (SDK, Harness client): what {@link #classify} is for. */
  public static boolean isAwsError(Throwable error) {
    return error instanceof SdkException || error instanceof HarnessApiException;
  }

  public static boolean hasCode(Throwable error, String... codes) {
    String code = code(error);
    return code != null && List.of(codes).contains(code);
  }

  /** The error message AWS sent, or "" (for matching, never for output). */
  public static String awsMessage(Throwable error) {
    if (error instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      String m = e.awsErrorDetails().errorMessage();
      return m == null ? "" : m;
    }
    return "";
  }

  /** A lookup's answer, or empty when AWS says "not found" (or answers nothing); other errors pass through. */
  public static <T> Optional<T> unlessNotFound(Supplier<T> lookup) {
    try {
      return Optional.ofNullable(lookup.get());
    } catch (SdkException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public static boolean isNotFound(Throwable error) {
    if (error instanceof HarnessApiException e) {
      return NOT_FOUND.contains(e.code()) || e.httpStatus() == 404;
    }
    return error instanceof AwsServiceException e && (NOT_FOUND.contains(code(e)) || e.statusCode() == 404);
  }

  static String typeOf(String code, int status, String message) {
    String m = message == null ? "" : message;
    if (code != null && THROTTLING.contains(code) || status == 429) {
      return FailureTypes.THROTTLING;
    }
    if (IAM_PROPAGATION.matcher(m).find()) {
      return FailureTypes.IAM_PROPAGATION;
    }
    if (code != null) {
      if (ACCESS_DENIED.contains(code)) return FailureTypes.ACCESS_DENIED;
      if (QUOTA.contains(code)) return FailureTypes.QUOTA_EXCEEDED;
      if (BUSY.contains(code)) return FailureTypes.RESOURCE_BUSY;
      if (UNAVAILABLE.contains(code)) return FailureTypes.SERVICE_UNAVAILABLE;
      if (NOT_FOUND.contains(code)) return FailureTypes.NOT_FOUND;
      if (CONFLICT.contains(code)) return FailureTypes.CONFLICT;
      if (UNSUPPORTED.contains(code)) return FailureTypes.UNSUPPORTED;
    }
    if (status >= 500) return FailureTypes.SERVICE_UNAVAILABLE;
    if (status == 401 || status == 403) return FailureTypes.ACCESS_DENIED;
    if (status == 404) return FailureTypes.NOT_FOUND;
    if (status == 409) return FailureTypes.CONFLICT;
    return FailureTypes.VALIDATION; // any other 4xx: the request itself is wrong
  }

  /** The host of an {@link java.net.UnknownHostException} in the cause chain, if there is one. */
  private static java.util.Optional<String> unresolvedHost(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException u) {
        String host = u.getMessage() == null ? "" : u.getMessage().split("[:\\s]", 2)[0];
        return java.util.Optional.of(host.isBlank() ? "(unknown host)" : host);
      }
    }
    return java.util.Optional.empty();
  }

  private static String clientErrorType(SdkClientException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("Unable to load credentials") || m.contains("credentials")
        && m.contains("profile")) {
      return FailureTypes.ACCESS_DENIED; // no usable credentials: retrying will not find any
    }
    if (m.contains("Unable to load region")) {
      return FailureTypes.VALIDATION;
    }
    return FailureTypes.SERVICE_UNAVAILABLE; // network, timeouts, unreadable responses
  }

  private static String describe(
      String action, String code, AwsServiceException e, String message, String... secrets) {
    StringBuilder b = new StringBuilder(action).append(": ").append(code == null ? "error" : code);
    b.append(" (HTTP ").append(e.statusCode());
    if (e.requestId() != null) {
      b.append(", request ").append(e.requestId());
    }
    b.append(')');
    if (message != null && !message.isBlank()) {
      b.append(": ").append(mask(message, secrets));
    }
    return b.toString();
  }

  /** Masks echoed values and the given secrets, and keeps one line of bounded length. */
  static String mask(String text, String... secrets) {
    if (text == null) {
      return "";
    }
    String out = ECHOED_VALUE.matcher(text).replaceAll("$1'****'$3");
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        out = out.replace(s, "****");
      }
    }
    out = out.replaceAll("\\s+", " ").trim();
    return out.length() > 600 ? out.substring(0, 600) + "…" : out;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
