package io.harnessdeployer.emulator.protocol;

import static io.harnessdeployer.emulator.FakeHandler.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.FakeHandler;
import io.harnessdeployer.emulator.runtime.Emulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.Message;
import software.amazon.eventstream.MessageDecoder;

/** InvokeHarness: a handler's event list comes back as AWS event-stream frames. */
class EventStreamTest {
  static final String ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/h-abcdefghij";
  static final String SESSION = "s".repeat(33);
  static final AtomicReference<Map<String, Object>> lastInput = new AtomicReference<>();
  static Emulator emulator;

  @BeforeAll
  static void start() {
    FakeHandler fake = new FakeHandler("bedrock-agentcore").on("InvokeHarness", (ctx, in) -> {
      lastInput.set(in);
      return map("stream", List.of(
          map("messageStart", map("role", "assistant")),
          map("contentBlockDelta", map("contentBlockIndex", 0, "delta", map("text", "hello"))),
          map("messageStop", map("stopReason", "end_turn")),
          map("validationException", map("message", "bad turn", "reason", "FieldValidationFailed"))));
    });
    emulator = Emulator.builder().handler(fake).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void invokeHarness_streamsEventAndExceptionFrames() throws Exception {
    URI uri = URI.create(emulator.endpoint() + "/harnesses/invoke?harnessArn=" + URLEncoder.encode(ARN, StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", SESSION)
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}"))
        .build();
    HttpResponse<byte[]> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(200, res.statusCode());
    assertEquals("application/vnd.amazon.eventstream", res.headers().firstValue("Content-Type").orElse(""));
    assertEquals(ARN, lastInput.get().get("harnessArn"));
    assertEquals(SESSION, lastInput.get().get("runtimeSessionId"));

    List<Message> frames = new ArrayList<>();
    new MessageDecoder(frames::add).feed(res.body());
    assertEquals(4, frames.size());
    assertEquals("event", frames.get(0).getHeaders().get(":message-type").getString());
    assertEquals("messageStart", frames.get(0).getHeaders().get(":event-type").getString());
    assertEquals(Map.of("role", "assistant"), json(frames.get(0)));
    assertEquals(Map.of("contentBlockIndex", 0, "delta", Map.of("text", "hello")), json(frames.get(1)));
    assertEquals("messageStop", frames.get(2).getHeaders().get(":event-type").getString());
    assertEquals("exception", frames.get(3).getHeaders().get(":message-type").getString());
    assertEquals("validationException", frames.get(3).getHeaders().get(":exception-type").getString());
    assertEquals(Map.of("message", "bad turn", "reason", "FieldValidationFailed"), json(frames.get(3)));
  }

  @Test
  void invokeHarness_missingSessionHeader_isValidationExceptionBeforeTheStream() throws Exception {
    URI uri = URI.create(emulator.endpoint() + "/harnesses/invoke?harnessArn=" + URLEncoder.encode(ARN, StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build();
    HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(400, res.statusCode());
    assertEquals("ValidationException", res.headers().firstValue("x-amzn-ErrorType").orElse(""));
    Map<?, ?> body = new ObjectMapper().readValue(res.body(), Map.class);
    assertEquals("FieldValidationFailed", body.get("reason"));
    assertEquals(List.of(Map.of("name", "runtimeSessionId", "message", "Member must not be null")), body.get("fieldList"));
  }

  private static Map<?, ?> json(Message m) throws Exception {
    return new ObjectMapper().readValue(m.getPayload(), Map.class);
  }
}
