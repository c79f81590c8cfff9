package io.harnessdeployer.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.runtime.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain java.net.http calls to an emulator, for what SDK clients cannot send or would hide. */
public final class Raw {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Emulator emulator;

  public Raw(Emulator emulator) {
    this.emulator = emulator;
  }

  public HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) b.headers(headers);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An awsJson1_1 call: {@code POST /} with {@code X-Amz-Target}. */
  public HttpResponse<String> json(String target, String body) {
    return send("POST", "/", body, "X-Amz-Target", target, "Content-Type", "application/x-amz-json-1.1");
  }

  /** An awsQuery call: {@code POST /} with a form body. */
  public HttpResponse<String> query(String form) {
    return send("POST", "/", form, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  }

  public static Map<String, Object> parse(HttpResponse<String> res) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(res.body(), Map.class);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String header(HttpResponse<String> res, String name) {
    return res.headers().firstValue(name).orElse(null);
  }
}
