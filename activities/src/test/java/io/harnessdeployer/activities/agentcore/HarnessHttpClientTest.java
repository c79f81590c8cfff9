package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/** What goes on the wire and how errors come back, against a scripted HTTP client. */
class HarnessHttpClientTest {
  private static final String HARNESS_ARN = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:harness/h-0123456789";
  private final ScriptedHttp http = new ScriptedHttp();
  private final HarnessHttpClient client = new HarnessHttpClient(http,
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), Region.EU_WEST_1, null);

  @Test
  void controlPlaneCalls_goToTheRegionalControlHost_signedAsBedrockAgentcore() {
    http.answer(200, Map.of(), "{\"harness\":{\"harnessId\":\"h-0123456789\",\"status\":\"READY\",\"createdAt\":\"2026-03-01T10:00:00.123Z\"}}");

    Harness h = client.getHarness("h-0123456789");

    SdkHttpRequest sent = http.requests.get(0);
    assertEquals("https://bedrock-agentcore-control.eu-west-1.amazonaws.com/harnesses/h-0123456789", sent.getUri().toString());
    String auth = sent.firstMatchingHeader("Authorization").orElseThrow();
    assertTrue(auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), auth);
    assertTrue(auth.contains("/eu-west-1/bedrock-agentcore/aws4_request"), auth);
    assertTrue(h.ready());
    assertEquals(java.time.Instant.parse("2026-03-01T10:00:00.123Z"), h.createdAt());
  }

  @Test
  void invoke_goesToTheDataHost_withTheArnInTheQueryAndTheSessionHeader() {
    http.answer(200, Map.of(), "");

    client.invokeHarness(new InvokeHarnessRequest(HARNESS_ARN, "harness-smoke-0123456789abcdef0123456789abcdef", "hi"), e -> {});

    SdkHttpRequest sent = http.requests.get(0);
    assertEquals("bedrock-agentcore.eu-west-1.amazonaws.com", sent.host());
    assertEquals("/harnesses/invoke", sent.encodedPath());
    assertEquals(List.of(HARNESS_ARN), sent.rawQueryParameters().get("harnessArn"));
    assertTrue(sent.getUri().getRawQuery().contains("harnessArn=arn%3Aaws%3Abedrock-agentcore%3Aeu-west-1%3A123456789012%3Aharness%2Fh-0123456789"),
        sent.getUri().getRawQuery());
    assertEquals("harness-smoke-0123456789abcdef0123456789abcdef",
        sent.firstMatchingHeader("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id").orElseThrow());
    assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}", http.bodies.get(0));
  }

  @Test
  void anEndpointOverride_takesBothPlanes() {
    HarnessHttpClient local = new HarnessHttpClient(http,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")), Region.US_EAST_1, URI.create("http://127.0.0.1:4566"));
    http.answer(200, Map.of(), "{\"harnesses\":[]}");
    http.answer(200, Map.of(), "");

    local.listHarnesses(5, "tok");
    local.invokeHarness(new InvokeHarnessRequest(HARNESS_ARN, "s".repeat(40), "hi"), e -> {});

    assertEquals("http://127.0.0.1:4566/harnesses?maxResults=5&nextToken=tok", http.requests.get(0).getUri().toString());
    assertEquals("127.0.0.1", http.requests.get(1).host());
    assertEquals(4566, http.requests.get(1).port());
  }

  @Test
  void errors_takeTheCodeFromTheHeader_andNeverEchoTheRequestBody() {
    http.answer(409, Map.of("x-amzn-ErrorType", "ConflictException:http://internal.amazon.com/", "x-amzn-RequestId", "rid-1"),
        "{\"message\":\"A harness with the name h already exists.\"}");

    HarnessApiException e = assertThrows(HarnessApiException.class, () -> client.createHarness(new CreateHarnessRequest(
        "h", "arn:aws:iam::123456789012:role/r", null, null, List.of("TOP-SECRET-PROMPT"), null, Map.of())));

    assertEquals("ConflictException", e.code());
    assertEquals(409, e.httpStatus());
    assertEquals("rid-1", e.requestId());
    assertFalse(e.retryable());
    assertFalse(e.getMessage().contains("TOP-SECRET-PROMPT"));
    assertEquals("ConflictException (HTTP 409): A harness with the name h already exists. [request id rid-1]", e.getMessage());
  }

  @Test
  void errors_withoutTheHeader_readTheBodyType() {
    http.answer(429, Map.of(), "{\"__type\":\"com.amazon.coral#ThrottlingException\",\"Message\":\"slow down\"}");
    HarnessApiException throttled = assertThrows(HarnessApiException.class, () -> client.getHarness("h-0123456789"));
    assertEquals("ThrottlingException", throttled.code());
    assertEquals("slow down", throttled.getMessage().split(": ", 2)[1]);
    assertTrue(throttled.retryable());

    http.answer(402, Map.of(), "{\"__type\":\"ServiceQuotaExceededException\",\"message\":\"quota\"}");
    assertFalse(assertThrows(HarnessApiException.class, () -> client.getHarness("h-0123456789")).retryable());

    http.answer(503, Map.of(), "<html>unavailable</html>");
    HarnessApiException server = assertThrows(HarnessApiException.class, () -> client.getHarness("h-0123456789"));
    assertEquals("InternalServerException", server.code());
    assertTrue(server.retryable());
  }

  @Test
  void invokeErrorsBeforeTheStream_areParsedLikeAnyOther() {
    http.answer(404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"), "{\"message\":\"Harness not found.\"}");
    HarnessApiException e = assertThrows(HarnessApiException.class,
        () -> client.invokeHarness(new InvokeHarnessRequest(HARNESS_ARN, "s".repeat(40), "my question"), ev -> {}));
    assertEquals("ResourceNotFoundException", e.code());
    assertFalse(e.getMessage().contains("my question"));
  }

  /** Answers each request with the next scripted response and records what was sent. */
  static final class ScriptedHttp implements SdkHttpClient {
    final List<SdkHttpRequest> requests = new ArrayList<>();
    final List<String> bodies = new ArrayList<>();
    private final List<HttpExecuteResponse> answers = new ArrayList<>();

    void answer(int status, Map<String, String> headers, String body) {
      SdkHttpResponse.Builder head = SdkHttpResponse.builder().statusCode(status);
      headers.forEach(head::putHeader);
      answers.add(HttpExecuteResponse.builder().response(head.build())
          .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build());
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          requests.add(request.httpRequest());
          bodies.add(request.contentStreamProvider().map(p -> {
            try {
              return new String(p.newStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).orElse(null));
          return answers.remove(0);
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
