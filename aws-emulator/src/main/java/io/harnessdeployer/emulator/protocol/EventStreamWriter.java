package io.harnessdeployer.emulator.protocol;

import io.harnessdeployer.emulator.model.Member;
import io.harnessdeployer.emulator.model.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Writes an event-stream union as AWS event-stream frames. Each element a handler returns is a
 * single-key map naming the union member; members whose shape is an error become exception frames.
 */
final class EventStreamWriter {
  static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
  private final JsonShapes json;

  EventStreamWriter(JsonShapes json) {
    this.json = json;
  }

  WireResponse.BodyWriter writer(Shape.Structure union, Object events) {
    return out -> {
      if (events == null) return;
      for (Object e : (Iterable<?>) events) {
        write(out, union, e);
        out.flush();
      }
    };
  }

  @SuppressWarnings("unchecked")
  void write(OutputStream out, Shape.Structure union, Object element) throws IOException {
    if (!(element instanceof Map<?, ?> event) || event.size() != 1) {
      throw new IllegalArgumentException("an event is a single-key map naming a member of " + union.name());
    }
    var entry = event.entrySet().iterator().next();
    String name = entry.getKey().toString();
    Member member = union.member(name);
    if (member == null || !(member.shape() instanceof Shape.Structure shape)) {
      throw new IllegalArgumentException(union.name() + " has no event " + name);
    }
    Map<String, Object> value = (Map<String, Object>) entry.getValue();
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    if (shape.isError()) {
      headers.put(":message-type", HeaderValue.fromString("exception"));
      headers.put(":exception-type", HeaderValue.fromString(name));
    } else {
      headers.put(":message-type", HeaderValue.fromString("event"));
      headers.put(":event-type", HeaderValue.fromString(name));
    }
    headers.put(":content-type", HeaderValue.fromString("application/json"));
    byte[] payload = null;
    Map<String, Object> body = new LinkedHashMap<>(value);
    for (Member m : shape.members().values()) {
      Object v = body.get(m.name());
      if (v == null) continue;
      if (m.eventHeader()) {
        headers.put(m.name(), HeaderValue.fromString(v.toString()));
        body.remove(m.name());
      } else if (m.eventPayload()) {
        payload = v instanceof byte[] b ? b : JsonShapes.bytes(json.write(v, m.shape(), m.timestampFormat()));
      }
    }
    if (payload == null) payload = JsonShapes.bytes(json.writeStructure(body, shape));
    new Message(headers, payload).encode(out);
  }
}
