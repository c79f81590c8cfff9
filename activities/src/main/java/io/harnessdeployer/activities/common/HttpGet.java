package io.harnessdeployer.activities.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/** A plain GET through the shared SDK HTTP client, reading at most {@value #MAX_BODY} bytes. */
public final class HttpGet {
  static final int MAX_BODY = 1 << 20;

  public record Response(int status, byte[] body) {}

  private HttpGet() {}

  public static Response get(SdkHttpClient http, URI uri, Map<String, String> headers) throws IOException {
    SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().uri(uri).method(SdkHttpMethod.GET);
    headers.forEach(request::putHeader);
    ExecutableHttpRequest call =
        http.prepareRequest(HttpExecuteRequest.builder().request(request.build()).build());
    HttpExecuteResponse response = call.call();
    byte[] body = new byte[0];
    if (response.responseBody().isPresent()) {
      try (InputStream in = response.responseBody().get()) {
        body = in.readNBytes(MAX_BODY);
      }
    }
    return new Response(response.httpResponse().statusCode(), body);
  }
}
