package io.harnessdeployer.emulator.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response: either a complete body or a body streamed to the client (event streams). */
public record WireResponse(int status, Map<String, String> headers, byte[] body, BodyWriter stream) {

  /** Writes a streamed body; flushes as it goes. */
  @FunctionalInterface
  public interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  public static WireResponse of(int status, String contentType, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    if (contentType != null) h.put("Content-Type", contentType);
    return new WireResponse(status, h, body, null);
  }

  public static WireResponse of(int status, String contentType, String body) {
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static WireResponse streaming(int status, String contentType, BodyWriter writer) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    return new WireResponse(status, h, null, writer);
  }

  public WireResponse withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
