package io.harnessdeployer.activities.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsClientsTest {
  static AwsClients clients() {
    return new AwsClients(AwsSettings.endpoint(URI.create("http://127.0.0.1:1"), "us-east-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))));
  }

  @Test
  void eachClientIsBuiltOncePerRegion() {
    try (AwsClients aws = clients()) {
      assertSame(aws.ecs("us-east-1"), aws.ecs("us-east-1"));
      assertNotSame(aws.ecs("us-east-1"), aws.ecs("eu-west-1"));
      assertSame(aws.iam(), aws.iam());
      assertSame(aws.harness("us-east-1"), aws.harness("us-east-1"));
      assertEquals("us-east-1", aws.iam().serviceClientConfiguration().region().id(), "IAM signs in us-east-1");
      assertEquals(URI.create("http://127.0.0.1:1"),
          aws.secrets("eu-west-1").serviceClientConfiguration().endpointOverride().orElseThrow());
      assertTrue(AwsClients.API_CALL_TIMEOUT.compareTo(java.time.Duration.ofMinutes(2)) < 0,
          "the SDK gives up before StepOptions' start-to-close");
    }
  }

  @Test
  void harnessEndpoint_followsTheOverrideThenTheSdkEnvironmentVariables() {
    URI override = URI.create("http://127.0.0.1:4566");
    assertEquals(override, AwsClients.harnessEndpoint(override, Map.of("AWS_ENDPOINT_URL", "http://x")));
    assertEquals(URI.create("http://svc"), AwsClients.harnessEndpoint(null, Map.of(
        "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", "http://svc", "AWS_ENDPOINT_URL", "http://all")));
    assertEquals(URI.create("http://all"), AwsClients.harnessEndpoint(null, Map.of("AWS_ENDPOINT_URL", "http://all")));
    assertNull(AwsClients.harnessEndpoint(null, Map.of()), "the regional AWS endpoint");
  }
}
