package io.harnessdeployer.activities.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.agentcore.HarnessApiException;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

class RetryDelaysTest {
  static Optional<Duration> throttled(int attempt, double random, Duration retryAfter) {
    return RetryDelays.next(FailureTypes.THROTTLING, retryAfter, attempt, () -> random);
  }

  @Test
  void iamPropagation_retriesAfterASecond_slowerOnlyOnceIamIsSlow() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertEquals(Optional.of(Duration.ofSeconds(1)),
          RetryDelays.next(FailureTypes.IAM_PROPAGATION, null, attempt, () -> 0.5));
    }
    assertEquals(Optional.of(Duration.ofSeconds(2)), RetryDelays.next(FailureTypes.IAM_PROPAGATION, null, 11, () -> 0));
    assertEquals(Optional.of(Duration.ofSeconds(5)), RetryDelays.next(FailureTypes.IAM_PROPAGATION, null, 40, () -> 0));
  }

  @Test
  void throttling_growsWithTheAttempt_withinItsJitterRange_cappedAtAMinute() {
    assertEquals(Optional.of(Duration.ofSeconds(1)), throttled(1, 0.0, null), "half of 2 s");
    assertEquals(Optional.of(Duration.ofMillis(1999)), throttled(1, 0.999, null));
    assertEquals(Optional.of(Duration.ofSeconds(4)), throttled(3, 0.0, null), "half of 8 s");
    assertEquals(Optional.of(Duration.ofSeconds(8)), throttled(3, 1.0, null));
    assertEquals(Optional.of(Duration.ofSeconds(30)), throttled(9, 0.0, null), "half of the 60 s cap");
    assertEquals(Optional.of(Duration.ofSeconds(60)), throttled(60, 1.0, null));
  }

  @Test
  void throttling_neverSoonerThanRetryAfter_whichIsBounded() {
    assertEquals(Optional.of(Duration.ofSeconds(7)), throttled(1, 0.0, Duration.ofSeconds(7)));
    assertEquals(Optional.of(Duration.ofSeconds(4)), throttled(3, 0.0, Duration.ofSeconds(2)), "the backoff is longer");
    assertEquals(Optional.of(Duration.ofMinutes(5)), throttled(1, 0.0, Duration.ofHours(3)));
  }

  @Test
  void otherTypes_keepTemporalsOwnBackoff() {
    assertEquals(Optional.empty(), RetryDelays.next(FailureTypes.SERVICE_UNAVAILABLE, null, 1, () -> 0));
    assertEquals(Optional.empty(), RetryDelays.next(FailureTypes.RESOURCE_BUSY, null, 1, () -> 0));
    assertNull(AwsFailures.failure(FailureTypes.VALIDATION, "m").getNextRetryDelay());
  }

  @Test
  void retryAfter_isReadInDeltaSeconds_otherFormsIgnored() {
    assertEquals(Duration.ofSeconds(12), RetryDelays.parseRetryAfter(" 12 "));
    assertNull(RetryDelays.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertNull(RetryDelays.parseRetryAfter(null));
    assertNull(RetryDelays.retryAfter(null));
  }

  @Test
  void classify_carriesTheDelays_fromSdkErrorsAndHarnessErrors() {
    AwsServiceException throttled = AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded")
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).putHeader("Retry-After", "9").build())
            .build())
        .statusCode(400)
        .build();
    ApplicationFailure f = AwsFailures.classify("ECS DescribeClusters", throttled);
    assertEquals(FailureTypes.THROTTLING, f.getType());
    assertEquals(Duration.ofSeconds(9), f.getNextRetryDelay(), "Retry-After beats the first attempt's 1-2 s");

    ApplicationFailure iam = AwsFailures.classify("ECS create", AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterException")
            .errorMessage("ECS was unable to assume the role 'arn:aws:iam::1:role/r'").build())
        .statusCode(400).build());
    assertEquals(FailureTypes.IAM_PROPAGATION, iam.getType());
    assertEquals(Duration.ofSeconds(1), iam.getNextRetryDelay());

    ApplicationFailure harness = AwsFailures.classify("CreateHarness",
        new HarnessApiException("ThrottlingException", 429, "slow down", "r-1", Duration.ofSeconds(20)));
    assertEquals(Duration.ofSeconds(20), harness.getNextRetryDelay());
    ApplicationFailure plain = AwsFailures.classify("CreateHarness",
        new HarnessApiException("ThrottlingException", 429, "slow down", "r-1"));
    Duration d = plain.getNextRetryDelay();
    assertTrue(d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(Duration.ofSeconds(2)) < 0, d.toString());
  }
}
