package io.harnessdeployer.activities.agentcore;

import io.harnessdeployer.activities.aws.CallHeartbeats;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The Harness control plane and InvokeHarness, which no Java SDK release here carries: restJson1
 * over the SDK's own HTTP client, signed with the SDK's SigV4 signer as {@code bedrock-agentcore}.
 * Thread-safe; share one per region. Errors are {@link HarnessApiException}; a network failure is
 * an {@link SdkClientException}, as from any SDK client.
 */
public final class HarnessHttpClient {
  static final String SIGNING_NAME = "bedrock-agentcore";
  static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 8192;

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Region region;
  private final URI control;
  private final URI data;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /** {@code endpointOverride} null for AWS; when set, both planes are sent to it (as for the SDK clients). */
  public HarnessHttpClient(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpointOverride) {
    this.http = http;
    this.credentials = credentials;
    this.region = region;
    this.control = endpointOverride != null ? endpointOverride
        : URI.create("https://bedrock-agentcore-control." + region.id() + ".amazonaws.com");
    this.data = endpointOverride != null ? endpointOverride
        : URI.create("https://bedrock-agentcore." + region.id() + ".amazonaws.com");
  }

  public Harness createHarness(CreateHarnessRequest request) {
    return Harness.from(call(SdkHttpMethod.POST, "/harnesses", null, request.toJson()).path("harness"));
  }

  public Harness getHarness(String harnessId) {
    return Harness.from(call(SdkHttpMethod.GET, "/harnesses/" + label(harnessId), null, null).path("harness"));
  }

  public Harness updateHarness(UpdateHarnessRequest request) {
    JsonNode out = call(SdkHttpMethod.PATCH, "/harnesses/" + label(request.harnessId()), null, request.toJson());
    return Harness.from(out.path("harness"));
  }

  /** The harness as it starts DELETING, when the service says; ResourceNotFoundException if it is gone. */
  public Optional<Harness> deleteHarness(String harnessId, String clientToken) {
    List<String[]> query = new ArrayList<>();
    if (clientToken != null) query.add(new String[] {"clientToken", clientToken});
    JsonNode h = call(SdkHttpMethod.DELETE, "/harnesses/" + label(harnessId), query, null).path("harness");
    return h.isObject() ? Optional.of(Harness.from(h)) : Optional.empty();
  }

  public HarnessPage listHarnesses(Integer maxResults, String nextToken) {
    List<String[]> query = new ArrayList<>();
    if (maxResults != null) query.add(new String[] {"maxResults", maxResults.toString()});
    if (nextToken != null) query.add(new String[] {"nextToken", nextToken});
    JsonNode out = call(SdkHttpMethod.GET, "/harnesses", query, null);
    List<HarnessSummary> items = new ArrayList<>();
    out.path("harnesses").forEach(h -> items.add(HarnessSummary.from(h)));
    return new HarnessPage(items, Harness.text(out, "nextToken"));
  }

  /**
   * Sends one user turn and delivers the streamed answer to {@code listener} as it arrives. Returns
   * when the stream ends; a modeled exception inside the stream is thrown as {@link HarnessApiException}.
   */
  public void invokeHarness(InvokeHarnessRequest request, Consumer<HarnessEvent> listener) {
    SdkHttpFullRequest.Builder req = request(data, SdkHttpMethod.POST, "/harnesses/invoke",
        List.<String[]>of(new String[] {"harnessArn", request.harnessArn()}))
        .putHeader(SESSION_HEADER, request.runtimeSessionId())
        .putHeader("Accept", "application/vnd.amazon.eventstream");
    HttpExecuteResponse response = send(req, bytes(request.toJson()));
    SdkHttpResponse head = response.httpResponse();
    String requestId = requestId(head);
    try (InputStream body = response.responseBody().orElse(null)) {
      if (!head.isSuccessful()) throw HarnessErrors.parse(head, read(body), requestId);
      if (body == null) return;
      HarnessEventDecoder decoder = new HarnessEventDecoder(listener, requestId);
      byte[] buf = new byte[CHUNK];
      for (int n; (n = body.read(buf)) != -1; ) decoder.feed(buf, 0, n);
      decoder.finish();
    } catch (IOException e) {
      throw SdkClientException.create("The InvokeHarness stream from " + data.getHost() + " failed: " + e.getMessage(), e);
    }
  }

  private JsonNode call(SdkHttpMethod method, String path, List<String[]> query, ObjectNode body) {
    SdkHttpFullRequest.Builder req = request(control, method, path, query == null ? List.of() : query);
    HttpExecuteResponse response = send(req, body == null ? null : bytes(body));
    SdkHttpResponse head = response.httpResponse();
    byte[] content;
    try (InputStream in = response.responseBody().orElse(null)) {
      content = read(in);
    } catch (IOException e) {
      throw SdkClientException.create("Reading the response from " + control.getHost() + " failed: " + e.getMessage(), e);
    }
    if (!head.isSuccessful()) throw HarnessErrors.parse(head, content, requestId(head));
    try {
      return content.length == 0 ? JSON.createObjectNode() : JSON.readTree(content);
    } catch (IOException e) {
      throw SdkClientException.create("The Harness API answered " + path + " with malformed JSON.", e);
    }
  }

  private SdkHttpFullRequest.Builder request(URI endpoint, SdkHttpMethod method, String path, List<String[]> query) {
    String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
    SdkHttpFullRequest.Builder req = SdkHttpFullRequest.builder()
        .protocol(endpoint.getScheme())
        .host(endpoint.getHost())
        .port(endpoint.getPort())
        .encodedPath(base + path)
        .method(method)
        .putHeader("User-Agent", "harness-deployer");
    for (String[] q : query) req.appendRawQueryParameter(q[0], q[1]);
    return req;
  }

  private HttpExecuteResponse send(SdkHttpFullRequest.Builder req, byte[] body) {
    CallHeartbeats.beat();
    ContentStreamProvider payload = null;
    if (body != null) {
      req.putHeader("Content-Type", "application/json").putHeader("Content-Length", Integer.toString(body.length));
      payload = ContentStreamProvider.fromByteArray(body);
    }
    ContentStreamProvider signedPayload = payload;
    SignedRequest signed = signer.sign(r -> r
        .identity(credentials.resolveCredentials())
        .request(req.build())
        .payload(signedPayload)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    HttpExecuteRequest.Builder exec = HttpExecuteRequest.builder().request(signed.request());
    signed.payload().ifPresent(exec::contentStreamProvider);
    try (CallHeartbeats.Ticker beats = CallHeartbeats.start()) {
      return http.prepareRequest(exec.build()).call();
    } catch (IOException e) {
      throw SdkClientException.create("Could not reach " + signed.request().host() + ": " + e.getMessage(), e);
    }
  }

  private static String label(String value) {
    return SdkHttpUtils.urlEncode(value);
  }

  private static String requestId(SdkHttpResponse head) {
    return head.firstMatchingHeader("x-amzn-RequestId").or(() -> head.firstMatchingHeader("x-amz-request-id")).orElse(null);
  }

  private static byte[] read(InputStream in) throws IOException {
    return in == null ? new byte[0] : IoUtils.toByteArray(in);
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
