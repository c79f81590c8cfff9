package io.harnessdeployer.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.emulator.model.Member;
import io.harnessdeployer.emulator.model.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape walkers shared by awsJson1_1, restJson1 and event streams: JSON to generic values
 * and back. {@code defaultTimestamps} is the protocol's default when neither member nor shape has a
 * timestampFormat.
 */
final class JsonShapes {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String defaultTimestamps;

  JsonShapes(String defaultTimestamps) {
    this.defaultTimestamps = defaultTimestamps;
  }

  // ---- JSON → values

  Map<String, Object> readStructure(JsonNode node, Shape.Structure shape) {
    if (!node.isObject()) throw new MalformedInput("expected an object for " + shape.name());
    Map<String, Object> out = new LinkedHashMap<>();
    for (Member m : shape.members().values()) {
      if (!m.inBody()) continue;
      JsonNode v = node.get(m.wireName());
      if (v != null && !v.isNull()) out.put(m.name(), read(v, m.shape(), m.timestampFormat()));
    }
    return out;
  }

  Object read(JsonNode v, Shape shape, String memberTimestampFormat) {
    if (shape instanceof Shape.Structure s) return readStructure(v, s);
    if (shape instanceof Shape.ListShape l) {
      if (!v.isArray()) throw new MalformedInput("expected a list for " + l.name());
      List<Object> out = new ArrayList<>();
      for (JsonNode e : v) out.add(e.isNull() ? null : read(e, l.member().shape(), l.member().timestampFormat()));
      return out;
    }
    if (shape instanceof Shape.MapShape m) {
      if (!v.isObject()) throw new MalformedInput("expected a map for " + m.name());
      Map<String, Object> out = new LinkedHashMap<>();
      v.fields().forEachRemaining(e -> out.put(e.getKey(),
          e.getValue().isNull() ? null : read(e.getValue(), m.value().shape(), m.value().timestampFormat())));
      return out;
    }
    return readScalar(v, (Shape.Scalar) shape, memberTimestampFormat);
  }

  private Object readScalar(JsonNode v, Shape.Scalar s, String memberFormat) {
    try {
      return switch (s.kind()) {
        case STRING -> text(v, s);
        case INTEGER -> integral(v, s).intValueExact();
        case LONG -> integral(v, s).longValueExact();
        case FLOAT, DOUBLE -> number(v, s).doubleValue();
        case BOOLEAN -> {
          if (!v.isBoolean()) throw new MalformedInput("expected a boolean for " + s.name());
          yield v.booleanValue();
        }
        case TIMESTAMP -> v.isNumber() ? Timestamps.fromEpochSeconds(v.decimalValue()) : Timestamps.parse(text(v, s));
        case BLOB -> Base64.getDecoder().decode(text(v, s));
        case DOCUMENT -> MAPPER.convertValue(v, Object.class);
      };
    } catch (ArithmeticException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new MalformedInput("invalid value for " + s.name() + ": " + v);
    }
  }

  private static String text(JsonNode v, Shape.Scalar s) {
    if (!v.isTextual()) throw new MalformedInput("expected a string for " + s.name());
    return v.textValue();
  }

  private static BigDecimal number(JsonNode v, Shape.Scalar s) {
    if (!v.isNumber()) throw new MalformedInput("expected a number for " + s.name());
    return v.decimalValue();
  }

  private static java.math.BigInteger integral(JsonNode v, Shape.Scalar s) {
    return number(v, s).toBigIntegerExact();
  }

  // ---- values → JSON

  ObjectNode writeStructure(Map<String, Object> value, Shape.Structure shape) {
    ObjectNode out = NODES.objectNode();
    if (value == null) return out;
    for (Member m : shape.members().values()) {
      Object v = value.get(m.name());
      if (v != null && m.inBody()) out.set(m.wireName(), write(v, m.shape(), m.timestampFormat()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  JsonNode write(Object v, Shape shape, String memberTimestampFormat) {
    if (shape instanceof Shape.Structure s) return writeStructure((Map<String, Object>) v, s);
    if (shape instanceof Shape.ListShape l) {
      ArrayNode out = NODES.arrayNode();
      for (Object e : (Iterable<Object>) v) {
        out.add(e == null ? NODES.nullNode() : write(e, l.member().shape(), l.member().timestampFormat()));
      }
      return out;
    }
    if (shape instanceof Shape.MapShape m) {
      ObjectNode out = NODES.objectNode();
      ((Map<Object, Object>) v).forEach((k, e) -> out.set(String.valueOf(k),
          e == null ? NODES.nullNode() : write(e, m.value().shape(), m.value().timestampFormat())));
      return out;
    }
    return writeScalar(v, (Shape.Scalar) shape, memberTimestampFormat);
  }

  private JsonNode writeScalar(Object v, Shape.Scalar s, String memberFormat) {
    return switch (s.kind()) {
      case STRING -> NODES.textNode(v.toString());
      case INTEGER, LONG -> NODES.numberNode(((Number) v).longValue());
      case FLOAT, DOUBLE -> NODES.numberNode(((Number) v).doubleValue());
      case BOOLEAN -> NODES.booleanNode((Boolean) v);
      case TIMESTAMP -> {
        String format = timestampFormat(memberFormat, s);
        var t = Timestamps.instant(v);
        yield format.equals(Timestamps.UNIX) ? NODES.numberNode(Timestamps.epochSeconds(t)) : NODES.textNode(Timestamps.format(t, format));
      }
      case BLOB -> NODES.textNode(Base64.getEncoder().encodeToString(v instanceof byte[] b ? b : v.toString().getBytes()));
      case DOCUMENT -> MAPPER.valueToTree(v);
    };
  }

  String timestampFormat(String memberFormat, Shape.Scalar s) {
    if (memberFormat != null) return memberFormat;
    return s.timestampFormat() != null ? s.timestampFormat() : defaultTimestamps;
  }

  /** An error's members as JSON: its modeled fields, plus the message under the shape's own spelling. */
  ObjectNode errorBody(ResolvedError r) {
    ObjectNode out = r.shape() != null ? writeStructure(r.error().fields(), r.shape()) : NODES.objectNode();
    String key = "message";
    if (r.shape() != null) {
      key = r.shape().members().keySet().stream().filter(k -> k.equalsIgnoreCase("message")).findFirst().orElse(key);
    }
    if (r.message() != null) out.put(key, r.message());
    return out;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
