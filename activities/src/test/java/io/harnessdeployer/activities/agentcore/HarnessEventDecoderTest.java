package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

class HarnessEventDecoderTest {
  private final List<HarnessEvent> events = new ArrayList<>();
  private final HarnessEventDecoder decoder = new HarnessEventDecoder(events::add, "req-7");

  static byte[] event(String type, String json) {
    return frame(Map.of(":message-type", "event", ":event-type", type, ":content-type", "application/json"), json);
  }

  static byte[] frame(Map<String, String> headers, String json) {
    Map<String, HeaderValue> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, HeaderValue.fromString(v)));
    return new Message(h, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer().array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  private void feedAll(byte[] bytes) {
    decoder.feed(bytes, 0, bytes.length);
  }

  @Test
  void decodesATurnIntoTypedEvents() {
    feedAll(concat(
        event("messageStart", "{\"role\":\"assistant\"}"),
        event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"t1\",\"name\":\"zscaler\"}}}"),
        event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolResult\":{\"toolUseId\":\"t1\",\"status\":\"success\"}}}"),
        event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"text\":\"Hello \"}}"),
        event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{}\"}}}"),
        event("hookEvent", "{\"hookEventId\":\"h\",\"name\":\"n\",\"type\":\"before_invocation\"}"),
        event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"text\":\"world\"}}"),
        event("messageStop", "{\"stopReason\":\"end_turn\"}"),
        event("metadata", "{\"usage\":{\"inputTokens\":12,\"outputTokens\":5,\"totalTokens\":17},\"metrics\":{\"latencyMs\":840}}")));
    decoder.finish();

    assertEquals(List.of(
        new HarnessEvent.MessageStart("assistant"),
        new HarnessEvent.ToolUse(0, "t1", "zscaler"),
        new HarnessEvent.ToolResult(0, "t1", "success"),
        new HarnessEvent.TextDelta(1, "Hello "),
        new HarnessEvent.TextDelta(1, "world"),
        new HarnessEvent.MessageStop("end_turn"),
        new HarnessEvent.Metadata(12, 5, 17, 840L)), events);
  }

  @Test
  void aFrameSplitAcrossFeeds_isDeliveredOnceComplete() {
    byte[] bytes = concat(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"split\"}}"),
        event("messageStop", "{\"stopReason\":\"max_iterations_exceeded\"}"));
    int cut = 7;
    decoder.feed(bytes, 0, cut);
    assertEquals(List.of(), events);
    for (int i = cut; i < bytes.length; i += 5) decoder.feed(bytes, i, Math.min(5, bytes.length - i));
    decoder.finish();

    assertEquals(List.of(new HarnessEvent.TextDelta(0, "split"), new HarnessEvent.MessageStop("max_iterations_exceeded")), events);
  }

  @Test
  void anExceptionFrame_isRaisedAsTheModeledError() {
    byte[] bytes = concat(event("messageStart", "{\"role\":\"assistant\"}"),
        frame(Map.of(":message-type", "exception", ":exception-type", "validationException", ":content-type", "application/json"),
            "{\"message\":\"bad turn\",\"reason\":\"FieldValidationFailed\"}"));

    HarnessApiException e = assertThrows(HarnessApiException.class, () -> feedAll(bytes));
    assertEquals("ValidationException", e.code());
    assertEquals(400, e.httpStatus());
    assertEquals("req-7", e.requestId());
    assertEquals(false, e.retryable());
    assertEquals("ValidationException (HTTP 400): bad turn [request id req-7]", e.getMessage());
    assertEquals(List.of(new HarnessEvent.MessageStart("assistant")), events);
  }

  @Test
  void runtimeClientErrorAndInternalServerFrames_carryTheirStatus() {
    HarnessApiException client = assertThrows(HarnessApiException.class, () -> feedAll(
        frame(Map.of(":message-type", "exception", ":exception-type", "runtimeClientError"), "{\"message\":\"tool failed\"}")));
    assertEquals("RuntimeClientError", client.code());
    assertEquals(424, client.httpStatus());

    HarnessApiException server = assertThrows(HarnessApiException.class, () -> new HarnessEventDecoder(events::add, null).feed(
        frame(Map.of(":message-type", "exception", ":exception-type", "internalServerException"), "{}"), 0,
        frame(Map.of(":message-type", "exception", ":exception-type", "internalServerException"), "{}").length));
    assertEquals(500, server.httpStatus());
    assertEquals(true, server.retryable());
  }

  @Test
  void anUnmodeledErrorFrame_isRaisedWithItsCode() {
    HarnessApiException e = assertThrows(HarnessApiException.class, () -> feedAll(
        frame(Map.of(":message-type", "error", ":error-code", "InternalFailure", ":error-message", "boom"), "")));
    assertEquals("InternalFailure", e.code());
    assertEquals("InternalFailure (HTTP 500): boom [request id req-7]", e.getMessage());
  }

  @Test
  void aStreamCutInsideAFrame_isAnError() {
    byte[] bytes = event("messageStop", "{\"stopReason\":\"end_turn\"}");
    decoder.feed(bytes, 0, bytes.length - 3);
    assertThrows(SdkClientException.class, decoder::finish);
  }
}
