package io.harnessdeployer.emulator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.FakeHandler;
import io.harnessdeployer.emulator.Raw;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** With {@code verifySignatures}, requests are checked with the SDK's own SigV4 signer. */
class SignatureVerificationTest {
  static final String KEY = "AKIAEMULATORTEST0001";
  static final String SECRET = "emulator/secret+key";

  static Emulator emulator(boolean verify) {
    EmulatorSettings s = new EmulatorSettings("111122223333", "us-east-1",
        EmulatorSettings.defaults().latency(), Clock.systemUTC(), verify, KEY, SECRET);
    FakeHandler logs = new FakeHandler("logs").on("DescribeLogGroups", (ctx, in) -> Map.of());
    FakeHandler control = new FakeHandler("bedrock-agentcore-control")
        .on("GetApiKeyCredentialProvider", (ctx, in) -> Map.of("name", "p"));
    FakeHandler data = new FakeHandler("bedrock-agentcore").on("InvokeHarness", (ctx, in) -> Map.of("stream", List.of(
        Map.of("messageStart", Map.of("role", "assistant")))));
    return Emulator.builder().settings(s).handler(logs).handler(control).handler(data).build().start();
  }

  @Test
  void verifyOn_acceptsCorrectSignaturesInEveryProtocol() {
    try (Emulator e = emulator(true);
        StsClient sts = Clients.of(StsClient.builder(), e, KEY, SECRET);
        CloudWatchLogsClient logs = Clients.of(CloudWatchLogsClient.builder(), e, KEY, SECRET);
        BedrockAgentCoreControlClient ac = Clients.of(BedrockAgentCoreControlClient.builder(), e, KEY, SECRET)) {
      assertEquals("111122223333", sts.getCallerIdentity().account());
      logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/x#y"));
      assertEquals("p", ac.getApiKeyCredentialProvider(b -> b.name("p")).name());
    }
  }

  /** The way activities call InvokeHarness: hand-built, signed as bedrock-agentcore, ARN in the query. */
  @Test
  void verifyOn_handSignedDataPlaneCall_withEncodedQueryRoutesToInvokeHarness() throws Exception {
    try (Emulator e = emulator(true)) {
      String arn = "arn:aws:bedrock-agentcore:us-east-1:111122223333:harness/h-abcdefghij";
      byte[] body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}".getBytes(StandardCharsets.UTF_8);
      SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
          .uri(URI.create(e.endpoint() + "/harnesses/invoke"))
          .putRawQueryParameter("harnessArn", arn)
          .putHeader("Content-Type", "application/json")
          .putHeader("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "s".repeat(40))
          .build();
      SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
          .identity(AwsCredentialsIdentity.create(KEY, SECRET)).request(unsigned)
          .payload(ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-agentcore")
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
      HttpRequest.Builder req = HttpRequest.newBuilder(signed.getUri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      signed.forEachHeader((k, v) -> {
        if (!k.equalsIgnoreCase("Host")) v.forEach(x -> req.header(k, x));
      });
      HttpResponse<byte[]> res = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, res.statusCode(), new String(res.body(), StandardCharsets.UTF_8));
      assertEquals("application/vnd.amazon.eventstream", res.headers().firstValue("Content-Type").orElse(""));
      assertEquals("InvokeHarness", e.requests().find("bedrock-agentcore", null).get(0).operation());
    }
  }

  @Test
  void verifyOn_wrongSecret_isEachProtocolsSignatureError() {
    try (Emulator e = emulator(true);
        StsClient sts = Clients.of(StsClient.builder(), e, KEY, "wrong");
        CloudWatchLogsClient logs = Clients.of(CloudWatchLogsClient.builder(), e, KEY, "wrong");
        BedrockAgentCoreControlClient ac = Clients.of(BedrockAgentCoreControlClient.builder(), e, KEY, "wrong")) {
      assertError(403, "SignatureDoesNotMatch", assertThrows(AwsServiceException.class, sts::getCallerIdentity));
      assertError(403, "InvalidSignatureException", assertThrows(AwsServiceException.class, logs::describeLogGroups));
      assertError(403, "InvalidSignatureException",
          assertThrows(AwsServiceException.class, () -> ac.getApiKeyCredentialProvider(b -> b.name("p"))));
    }
  }

  @Test
  void verifyOn_unknownAccessKey_andMissingAuthorization() {
    try (Emulator e = emulator(true);
        StsClient sts = Clients.of(StsClient.builder(), e, "AKIAUNKNOWN", SECRET);
        CloudWatchLogsClient logs = Clients.of(CloudWatchLogsClient.builder(), e, "AKIAUNKNOWN", SECRET)) {
      assertError(403, "InvalidClientTokenId", assertThrows(AwsServiceException.class, sts::getCallerIdentity));
      assertError(403, "UnrecognizedClientException", assertThrows(AwsServiceException.class, logs::describeLogGroups));
      var r = new Raw(e).json("Logs_20140328.DescribeLogGroups", "{}");
      assertEquals(403, r.statusCode());
      assertEquals("MissingAuthenticationTokenException", Raw.parse(r).get("__type"));
    }
  }

  @Test
  void verifyOff_anyCredentialsWork() {
    try (Emulator e = emulator(false); StsClient sts = Clients.of(StsClient.builder(), e, "anything", "wrong")) {
      assertEquals("111122223333", sts.getCallerIdentity().account());
    }
  }

  private static void assertError(int status, String code, AwsServiceException e) {
    assertEquals(status, e.statusCode(), e.getMessage());
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
  }
}
