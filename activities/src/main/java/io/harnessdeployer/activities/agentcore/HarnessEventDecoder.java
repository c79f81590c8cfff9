package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import software.amazon.eventstream.MessageDecoder;

/**
 * Decodes an InvokeHarness event stream as its bytes arrive: frames may split anywhere across
 * {@link #feed} calls. Events go to the listener; a modeled exception frame ({@code :message-type
 * exception}) or an error frame is raised as a {@link HarnessApiException}. Unknown events are skipped,
 * as the SDKs do, so newer event types (hooks, reasoning) do not break older clients.
 */
public final class HarnessEventDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** HTTP status of each modeled stream exception, from the model's error traits. */
  private static final Map<String, Integer> EXCEPTION_STATUS =
      Map.of("ValidationException", 400, "RuntimeClientError", 424, "InternalServerException", 500);

  private final Consumer<HarnessEvent> listener;
  private final String requestId;
  private final MessageDecoder decoder = new MessageDecoder(this::onMessage);
  private long fed;
  private long decoded;

  public HarnessEventDecoder(Consumer<HarnessEvent> listener, String requestId) {
    this.listener = listener;
    this.requestId = requestId;
  }

  public void feed(byte[] bytes, int offset, int length) {
    fed += length;
    decoder.feed(bytes, offset, length);
  }

  /** Call at end of stream: a stream cut inside a frame is an error, not a short answer. */
  public void finish() {
    if (fed != decoded) {
      throw SdkClientException.create("The InvokeHarness event stream ended inside a frame (" + (fed - decoded) + " bytes left).");
    }
  }

  private void onMessage(Message m) {
    decoded += 16 + Message.encodeHeaders(m.getHeaders().entrySet()).length + m.getPayload().length;
    String type = header(m, ":message-type");
    JsonNode body = parse(m.getPayload());
    if ("exception".equals(type)) {
      String code = shapeName(header(m, ":exception-type"));
      throw new HarnessApiException(code, EXCEPTION_STATUS.getOrDefault(code, 500), message(body), requestId);
    }
    if ("error".equals(type)) {
      throw new HarnessApiException(header(m, ":error-code"), 500, String.valueOf(header(m, ":error-message")), requestId);
    }
    if ("event".equals(type)) dispatch(header(m, ":event-type"), body);
  }

  private void dispatch(String eventType, JsonNode e) {
    switch (String.valueOf(eventType)) {
      case "messageStart" -> listener.accept(new HarnessEvent.MessageStart(e.path("role").asText()));
      case "contentBlockStart" -> {
        JsonNode tool = e.path("start").path("toolUse");
        JsonNode result = e.path("start").path("toolResult");
        if (tool.isObject()) {
          listener.accept(new HarnessEvent.ToolUse(e.path("contentBlockIndex").asInt(), tool.path("toolUseId").asText(),
              tool.path("name").asText()));
        } else if (result.isObject()) {
          listener.accept(new HarnessEvent.ToolResult(e.path("contentBlockIndex").asInt(), result.path("toolUseId").asText(),
              result.path("status").asText(null)));
        }
      }
      case "contentBlockDelta" -> {
        JsonNode text = e.path("delta").path("text");
        if (text.isTextual()) listener.accept(new HarnessEvent.TextDelta(e.path("contentBlockIndex").asInt(), text.asText()));
      }
      case "messageStop" -> listener.accept(new HarnessEvent.MessageStop(e.path("stopReason").asText()));
      case "metadata" -> {
        JsonNode usage = e.path("usage");
        listener.accept(new HarnessEvent.Metadata(usage.path("inputTokens").asInt(), usage.path("outputTokens").asInt(),
            usage.path("totalTokens").asInt(), e.path("metrics").path("latencyMs").asLong()));
      }
      default -> { }
    }
  }

  private static String header(Message m, String name) {
    HeaderValue v = m.getHeaders().get(name);
    return v == null ? null : v.getString();
  }

  /** {@code validationException} → {@code ValidationException}: the member name to the shape name. */
  private static String shapeName(String member) {
    if (member == null || member.isEmpty()) return "UnknownException";
    return Character.toUpperCase(member.charAt(0)) + member.substring(1);
  }

  private static String message(JsonNode body) {
    for (String k : new String[] {"message", "Message"}) {
      if (body.path(k).isTextual()) return body.path(k).asText();
    }
    return "";
  }

  private static JsonNode parse(byte[] payload) {
    if (payload.length == 0) return JSON.createObjectNode();
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      throw SdkClientException.create("An InvokeHarness event carried malformed JSON.", e);
    }
  }
}
