package io.harnessdeployer.emulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.model.Member;
import io.harnessdeployer.emulator.model.OperationModel;
import io.harnessdeployer.emulator.model.ServiceModel;
import io.harnessdeployer.emulator.model.Shape;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * restJson1: operation from method + path; members bound to the URI, query string and headers, the
 * rest (or the payload member) as the JSON body; success status from the model. Body timestamps are
 * epoch seconds unless the model's timestampFormat says otherwise; header timestamps are HTTP dates.
 */
public class RestJson1Codec implements ProtocolCodec {
  static final String CONTENT_TYPE = "application/json";
  private final JsonShapes json = new JsonShapes(Timestamps.UNIX);
  private final EventStreamWriter events = new EventStreamWriter(json);
  private final Map<String, RestRouter> routers = new ConcurrentHashMap<>();

  @Override
  public String requestedOperation(WireRequest req) {
    return req.method() + " " + req.path();
  }

  @Override
  public Optional<OperationModel> operation(WireRequest req, ServiceModel model) {
    return match(req, model).map(RestRouter.Match::op);
  }

  Optional<RestRouter.Match> match(WireRequest req, ServiceModel model) {
    return routers.computeIfAbsent(model.id(), id -> new RestRouter(model)).match(req);
  }

  @Override
  public Map<String, Object> parse(WireRequest req, OperationModel op) {
    Map<String, Object> input = new LinkedHashMap<>();
    Shape.Structure shape = op.input();
    if (shape == null) return input;
    try {
      Map<String, String> labels = match(req, op.service()).map(RestRouter.Match::labels).orElse(Map.of());
      Map<String, List<String>> query = req.query();
      for (Member m : shape.members().values()) {
        Object v = bound(m, labels, query, req);
        if (v != null) input.put(m.name(), v);
      }
      String body = req.bodyText();
      Member payload = shape.payload() == null ? null : shape.member(shape.payload());
      if (payload != null) {
        Object v = payloadIn(payload, req, body);
        if (v != null) input.put(payload.name(), v);
      } else if (!body.isBlank()) {
        input.putAll(json.readStructure(JsonShapes.MAPPER.readTree(body), shape));
      }
      return input;
    } catch (JsonProcessingException e) {
      throw common(CommonError.MALFORMED_REQUEST, "Unable to parse request body: " + e.getOriginalMessage());
    } catch (MalformedInput e) {
      throw common(CommonError.MALFORMED_REQUEST, e.getMessage());
    }
  }

  private Object bound(Member m, Map<String, String> labels, Map<String, List<String>> query, WireRequest req) {
    if (m.location() == null) return null;
    switch (m.location()) {
      case "uri" -> {
        String v = labels.get(m.wireName());
        return v == null ? null : fromString(v, m);
      }
      case "querystring" -> {
        if (m.shape() instanceof Shape.MapShape) {
          Map<String, Object> all = new LinkedHashMap<>();
          query.forEach((k, v) -> all.put(k, v.get(0)));
          return all;
        }
        List<String> values = query.get(m.wireName());
        if (values == null) return null;
        if (m.shape() instanceof Shape.ListShape l) {
          List<Object> out = new ArrayList<>();
          for (String v : values) out.add(fromString(v, l.member()));
          return out;
        }
        return fromString(values.get(0), m);
      }
      case "header" -> {
        String v = req.header(m.wireName());
        if (v == null) return null;
        if (m.shape() instanceof Shape.ListShape l) {
          List<Object> out = new ArrayList<>();
          for (String part : v.split(",")) out.add(fromString(part.trim(), l.member()));
          return out;
        }
        return fromString(v, m);
      }
      case "headers" -> {
        String prefix = m.wireName().toLowerCase();
        Map<String, Object> out = new LinkedHashMap<>();
        req.headers().forEach((k, v) -> {
          if (k.toLowerCase().startsWith(prefix)) out.put(k.substring(prefix.length()), v.get(0));
        });
        return out.isEmpty() ? null : out;
      }
      default -> {
        return null;
      }
    }
  }

  private Object payloadIn(Member payload, WireRequest req, String body) throws JsonProcessingException {
    Shape s = payload.shape();
    if (s instanceof Shape.Scalar sc && sc.kind() == Shape.Kind.BLOB) return req.body().length == 0 ? null : req.body();
    if (s instanceof Shape.Scalar sc && sc.kind() == Shape.Kind.STRING) return body.isEmpty() ? null : body;
    return body.isBlank() ? null : json.read(JsonShapes.MAPPER.readTree(body), s, payload.timestampFormat());
  }

  private Object fromString(String raw, Member m) {
    Shape.Scalar s = (Shape.Scalar) m.shape();
    try {
      if (m.jsonValue()) {
        return JsonShapes.MAPPER.readValue(Base64.getDecoder().decode(raw), Object.class);
      }
      return switch (s.kind()) {
        case STRING, DOCUMENT -> raw;
        case INTEGER -> Integer.valueOf(raw);
        case LONG -> Long.valueOf(raw);
        case FLOAT, DOUBLE -> Double.valueOf(raw);
        case BOOLEAN -> {
          if (!raw.equals("true") && !raw.equals("false")) throw new IllegalArgumentException(raw);
          yield Boolean.valueOf(raw);
        }
        case TIMESTAMP -> Timestamps.parse(raw);
        case BLOB -> Base64.getDecoder().decode(raw);
      };
    } catch (Exception e) {
      throw new MalformedInput("Invalid value '" + raw + "' for " + m.name());
    }
  }

  // ---- output

  @Override
  public WireResponse output(OperationModel op, Map<String, Object> output, String requestId) {
    Shape.Structure shape = op.output();
    if (shape == null || output == null) {
      return WireResponse.of(op.responseCode(), null, new byte[0]).withHeader("x-amzn-RequestId", requestId);
    }
    int status = op.responseCode();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Member m : shape.members().values()) {
      Object v = output.get(m.name());
      if (v == null || m.location() == null) continue;
      switch (m.location()) {
        case "header" -> headers.put(m.wireName(), toHeader(v, m));
        case "headers" -> ((Map<?, ?>) v).forEach((k, e) -> headers.put(m.wireName() + k, e.toString()));
        case "statusCode" -> status = ((Number) v).intValue();
        default -> { }
      }
    }
    WireResponse response;
    Member payload = shape.payload() == null ? null : shape.member(shape.payload());
    if (payload != null && payload.shape() instanceof Shape.Structure s && s.eventStream()) {
      response = WireResponse.streaming(status, EventStreamWriter.CONTENT_TYPE, events.writer(s, output.get(payload.name())));
    } else if (payload != null) {
      response = payloadOut(status, payload, output.get(payload.name()));
    } else {
      response = WireResponse.of(status, CONTENT_TYPE, JsonShapes.bytes(json.writeStructure(output, shape)));
    }
    response.headers().putAll(headers);
    return response.withHeader("x-amzn-RequestId", requestId);
  }

  private WireResponse payloadOut(int status, Member payload, Object v) {
    if (v == null) return WireResponse.of(status, null, new byte[0]);
    if (payload.shape() instanceof Shape.Scalar s && s.kind() == Shape.Kind.BLOB) {
      return WireResponse.of(status, "application/octet-stream", (byte[]) v);
    }
    if (payload.shape() instanceof Shape.Scalar s && s.kind() == Shape.Kind.STRING) {
      return WireResponse.of(status, "text/plain", v.toString());
    }
    return WireResponse.of(status, CONTENT_TYPE, JsonShapes.bytes(json.write(v, payload.shape(), payload.timestampFormat())));
  }

  private String toHeader(Object v, Member m) {
    if (m.jsonValue()) {
      return Base64.getEncoder().encodeToString(JsonShapes.bytes(JsonShapes.MAPPER.valueToTree(v)));
    }
    if (m.shape() instanceof Shape.Scalar s && s.kind() == Shape.Kind.TIMESTAMP) {
      String format = m.timestampFormat() != null ? m.timestampFormat() : s.timestampFormat() != null ? s.timestampFormat() : Timestamps.RFC822;
      return Timestamps.format(Timestamps.instant(v), format);
    }
    if (v instanceof List<?> list) return String.join(",", list.stream().map(String::valueOf).toList());
    if (v instanceof byte[] b) return Base64.getEncoder().encodeToString(b);
    return v.toString();
  }

  @Override
  public WireResponse error(ServiceModel model, AwsServiceError error, String requestId) {
    ResolvedError r = ResolvedError.of(model, error);
    byte[] body = JsonShapes.bytes(json.errorBody(r));
    return WireResponse.of(r.status(), CONTENT_TYPE, body)
        .withHeader("x-amzn-ErrorType", r.shapeName())
        .withHeader("x-amzn-RequestId", requestId);
  }

  @Override
  public AwsServiceError common(CommonError kind, String message) {
    return switch (kind) {
      case UNKNOWN_OPERATION -> AwsServiceError.common("UnknownOperationException", 404, message);
      case MALFORMED_REQUEST -> AwsServiceError.of("ValidationException", message).with("reason", "CannotParse");
      case INTERNAL_FAILURE -> AwsServiceError.common("InternalFailure", 500, message);
      case NOT_IMPLEMENTED -> AwsServiceError.common("NotImplemented", 501, message);
      case MISSING_AUTHENTICATION -> AwsServiceError.common("MissingAuthenticationTokenException", 403, message);
      case UNKNOWN_ACCESS_KEY -> AwsServiceError.common("UnrecognizedClientException", 403, message);
      case BAD_SIGNATURE -> AwsServiceError.common("InvalidSignatureException", 403, message);
    };
  }

}
