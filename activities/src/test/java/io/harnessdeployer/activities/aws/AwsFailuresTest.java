package io.harnessdeployer.activities.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.secrets.SealException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsFailuresTest {

  static AwsServiceException aws(String code, int status, String message) {
    return AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .statusCode(status)
        .requestId("req-1")
        .build();
  }

  @ParameterizedTest(name = "{0} HTTP {1} -> {2}")
  @CsvSource({
    "ThrottlingException, 400, Throttling",
    "Throttling, 400, Throttling",
    "TooManyRequestsException, 429, Throttling",
    "RequestLimitExceeded, 503, Throttling",
    "SomethingNew, 429, Throttling",
    "ServiceUnavailable, 503, ServiceUnavailable",
    "InternalFailure, 500, ServiceUnavailable",
    "SomethingNew, 502, ServiceUnavailable",
    "ConcurrentModification, 409, ResourceBusy",
    "ClusterContainsServicesException, 400, ResourceBusy",
    "ResourceInUseException, 400, ResourceBusy",
  })
  void retryable(String code, int status, String type) {
    ApplicationFailure f = AwsFailures.classify("Call", aws(code, status, "m"));
    assertEquals(type, f.getType());
    assertFalse(f.isNonRetryable(), type + " must be retried");
    assertTrue(AwsFailures.isRetryable(f.getType()));
  }

  @ParameterizedTest(name = "{0} HTTP {1} -> {2}")
  @CsvSource({
    "AccessDenied, 403, AccessDenied",
    "AccessDeniedException, 400, AccessDenied",
    "UnrecognizedClientException, 400, AccessDenied",
    "ExpiredToken, 400, AccessDenied",
    "ValidationError, 400, Validation",
    "ValidationException, 400, Validation",
    "InvalidParameterException, 400, Validation",
    "MalformedPolicyDocument, 400, Validation",
    "SomethingNew, 400, Validation",
    "LimitExceeded, 409, QuotaExceeded",
    "ServiceQuotaExceededException, 402, QuotaExceeded",
    "LimitExceededException, 400, QuotaExceeded",
    "EntityAlreadyExists, 409, Conflict",
    "NoSuchEntity, 404, NotFound",
    "UnsupportedFeatureException, 400, Unsupported",
  })
  void nonRetryable(String code, int status, String type) {
    ApplicationFailure f = AwsFailures.classify("Call", aws(code, status, "m"));
    assertEquals(type, f.getType());
    assertTrue(f.isNonRetryable(), type + " must not be retried");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "InvalidParameterException|ECS was unable to assume the role 'arn:aws:iam::123456789012:role/x' that was provided for this service.",
    "ValidationException|Role validation failed for arn:aws:iam::123456789012:role/x",
    "InvalidParameterValueException|The role defined for the function cannot be assumed by Lambda.",
    "AccessDeniedException|User is not authorized to perform: sts:AssumeRole on resource x",
  })
  void iamPropagationIsRetryableWhateverTheCode(String code, String message) {
    ApplicationFailure f = AwsFailures.classify("CreateThing", aws(code, 400, message));
    assertEquals(FailureTypes.IAM_PROPAGATION, f.getType());
    assertFalse(f.isNonRetryable());
  }

  @Test
  void networkAndTimeoutsAreRetryable() {
    ApplicationFailure network = AwsFailures.classify("Call",
        SdkClientException.create("Unable to execute HTTP request: Connection refused"));
    assertEquals(FailureTypes.SERVICE_UNAVAILABLE, network.getType());
    assertFalse(network.isNonRetryable());
    ApplicationFailure timeout = AwsFailures.classify("Call", ApiCallTimeoutException.create(75_000));
    assertEquals(FailureTypes.SERVICE_UNAVAILABLE, timeout.getType());
  }

  @Test
  void missingCredentialsAreNotRetried() {
    ApplicationFailure f = AwsFailures.classify("STS GetCallerIdentity",
        SdkClientException.create("Unable to load credentials from any of the providers in the chain"));
    assertEquals(FailureTypes.ACCESS_DENIED, f.getType());
    assertTrue(f.isNonRetryable());
  }

  @Test
  void messageNamesActionCodeStatusAndRequestIdWithoutACause() {
    ApplicationFailure f = AwsFailures.classify("IAM ensure role r1", aws("AccessDenied", 403, "no iam:CreateRole"));
    assertEquals("IAM ensure role r1: AccessDenied (HTTP 403, request req-1): no iam:CreateRole",
        f.getOriginalMessage());
    assertNull(f.getCause(), "an SDK exception must not travel into history");
  }

  @Test
  void echoedValuesAndNamedSecretsAreMasked() {
    String secret = "Basic c2VjcmV0LWlkOnMzY3IzdA==";
    ApplicationFailure f = AwsFailures.classify("AgentCore ensure API-key provider p",
        aws("ValidationException", 400, "1 validation error detected: Value '" + secret
            + "' at 'apiKey' failed to satisfy constraint; also s3cr3t"),
        secret, "s3cr3t");
    assertFalse(f.getOriginalMessage().contains("c2VjcmV0"), f.getOriginalMessage());
    assertFalse(f.getOriginalMessage().contains("s3cr3t"), f.getOriginalMessage());
    assertTrue(f.getOriginalMessage().contains("Value '****' at 'apiKey'"), f.getOriginalMessage());
  }

  @Test
  void sealFailuresAreUnsealing() {
    ApplicationFailure f = AwsFailures.classify("secret x", new SealException("sealed with key aaaa"));
    assertEquals(FailureTypes.UNSEALING, f.getType());
    assertTrue(f.isNonRetryable());
  }

  @Test
  void ourOwnFailuresPassThrough() {
    ApplicationFailure mine = AwsFailures.failure(FailureTypes.TIMEOUT, "waited");
    assertSame(mine, AwsFailures.classify("x", mine));
    assertTrue(mine.isNonRetryable());
    assertFalse(AwsFailures.failure(FailureTypes.RESOURCE_BUSY, "busy").isNonRetryable());
  }

  @Test
  void notFoundIsRecognisedByCodeOrStatus() {
    assertTrue(AwsFailures.isNotFound(aws("ResourceNotFoundException", 400, "gone")));
    assertTrue(AwsFailures.isNotFound(aws("Whatever", 404, "gone")));
    assertFalse(AwsFailures.isNotFound(aws("AccessDenied", 403, "no")));
  }

  @Test
  void anEndpointThatDoesNotResolveFailsAtOnce_namingTheHost() {
    SdkClientException e = SdkClientException.create("Received an UnknownHostException when attempting to interact"
        + " with a service.", new java.net.UnknownHostException("bedrock-agentcore-control.xx-east-9.amazonaws.com"));
    ApplicationFailure f = AwsFailures.classify("AgentCore create harness", e);
    assertEquals(FailureTypes.UNSUPPORTED, f.getType());
    assertTrue(f.isNonRetryable());
    assertTrue(f.getOriginalMessage().contains("endpoint bedrock-agentcore-control.xx-east-9.amazonaws.com does not"
        + " resolve: the service is not offered in this region"), f.getOriginalMessage());
  }

  @Test
  void aRealClientAgainstAHostThatCannotResolve_isUnsupportedNotAnOutage() {
    // .invalid never resolves (RFC 2606): what an SDK client sees for a region without the service
    try (var sts = software.amazon.awssdk.services.sts.StsClient.builder()
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .endpointOverride(java.net.URI.create("https://sts.xx-east-9.amazonaws.invalid"))
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
        .build()) {
      SdkClientException e = org.junit.jupiter.api.Assertions.assertThrows(SdkClientException.class,
          () -> sts.getCallerIdentity());
      ApplicationFailure f = AwsFailures.classify("STS GetCallerIdentity", e);
      assertEquals(FailureTypes.UNSUPPORTED, f.getType(), f.getOriginalMessage());
      assertTrue(f.getOriginalMessage().contains("sts.xx-east-9.amazonaws.invalid"), f.getOriginalMessage());
    }
  }
}
