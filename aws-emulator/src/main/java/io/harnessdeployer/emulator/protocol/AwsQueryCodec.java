package io.harnessdeployer.emulator.protocol;

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

/**
 * awsQuery: form-encoded {@code Action=Op&Version=..&Tags.member.1.Key=..} in, XML out
 * ({@code <OpResponse><OpResult>..</OpResult><ResponseMetadata/>}), ISO-8601 timestamps.
 */
public class AwsQueryCodec implements ProtocolCodec {
  static final String CONTENT_TYPE = "text/xml";

  @Override
  public String requestedOperation(WireRequest req) {
    return req.formParams().get("Action");
  }

  @Override
  public Optional<OperationModel> operation(WireRequest req, ServiceModel model) {
    String action = requestedOperation(req);
    return action == null ? Optional.empty() : model.operation(action);
  }

  @Override
  public Map<String, Object> parse(WireRequest req, OperationModel op) {
    if (op.input() == null) return new LinkedHashMap<>();
    try {
      Object v = read(req.formParams(), "", op.input());
      @SuppressWarnings("unchecked")
      Map<String, Object> input = v == null ? new LinkedHashMap<>() : (Map<String, Object>) v;
      return input;
    } catch (MalformedInput e) {
      throw common(CommonError.MALFORMED_REQUEST, e.getMessage());
    }
  }

  // ---- form → values

  private Object read(Map<String, String> params, String key, Shape shape) {
    if (shape instanceof Shape.Structure s) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Member m : s.members().values()) {
        String name = m.queryName() != null ? m.queryName() : m.wireName();
        String k = key.isEmpty() ? name : key + "." + name;
        Object v = m.flattened() && m.shape() instanceof Shape.ListShape l ? readList(params, k, l, true) : read(params, k, m.shape());
        if (v != null) out.put(m.name(), v);
      }
      return out.isEmpty() && !key.isEmpty() ? null : out;
    }
    if (shape instanceof Shape.ListShape l) return readList(params, key, l, l.flattened());
    if (shape instanceof Shape.MapShape m) {
      String entries = m.flattened() ? key : key + ".entry";
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 1; present(params, entries + "." + i); i++) {
        String e = entries + "." + i + ".";
        Object k = read(params, e + (m.key().locationName() != null ? m.key().locationName() : "key"), m.key().shape());
        Object v = read(params, e + (m.value().locationName() != null ? m.value().locationName() : "value"), m.value().shape());
        if (k != null) out.put(k.toString(), v);
      }
      return out.isEmpty() && !"".equals(params.get(key)) ? null : out;
    }
    String raw = params.get(key);
    return raw == null ? null : scalar(raw, (Shape.Scalar) shape);
  }

  private List<Object> readList(Map<String, String> params, String key, Shape.ListShape l, boolean flattened) {
    String items = flattened ? key : key + "." + (l.member().locationName() != null ? l.member().locationName() : "member");
    List<Object> out = new ArrayList<>();
    for (int i = 1; present(params, items + "." + i); i++) out.add(read(params, items + "." + i, l.member().shape()));
    if (out.isEmpty() && !"".equals(params.get(key))) return null;
    return out;
  }

  private static boolean present(Map<String, String> params, String key) {
    if (params.containsKey(key)) return true;
    String prefix = key + ".";
    return params.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  private static Object scalar(String raw, Shape.Scalar s) {
    try {
      return switch (s.kind()) {
        case STRING, DOCUMENT -> raw;
        case INTEGER -> Integer.valueOf(raw.trim());
        case LONG -> Long.valueOf(raw.trim());
        case FLOAT, DOUBLE -> Double.valueOf(raw.trim());
        case BOOLEAN -> {
          if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) throw new IllegalArgumentException();
          yield Boolean.valueOf(raw);
        }
        case TIMESTAMP -> Timestamps.parse(raw);
        case BLOB -> Base64.getDecoder().decode(raw);
      };
    } catch (RuntimeException e) {
      throw new MalformedInput("Invalid value '" + raw + "' for " + s.name());
    }
  }

  // ---- values → XML

  @Override
  public WireResponse output(OperationModel op, Map<String, Object> output, String requestId) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append('<').append(op.name()).append("Response xmlns=\"").append(op.service().xmlNamespace()).append("\">");
    if (op.output() != null) {
      writeStructure(xml, op.resultWrapper() != null ? op.resultWrapper() : op.name() + "Result", output, op.output());
    }
    xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
    xml.append("</").append(op.name()).append("Response>");
    return WireResponse.of(200, CONTENT_TYPE, xml.toString()).withHeader("x-amzn-RequestId", requestId);
  }

  private void writeStructure(StringBuilder xml, String tag, Map<String, Object> value, Shape.Structure s) {
    xml.append('<').append(tag).append('>');
    if (value != null) {
      for (Member m : s.members().values()) {
        Object v = value.get(m.name());
        if (v == null) continue;
        if (m.flattened() && m.shape() instanceof Shape.ListShape l) {
          for (Object e : (Iterable<?>) v) write(xml, m.wireName(), e, l.member().shape());
        } else {
          write(xml, m.wireName(), v, m.shape());
        }
      }
    }
    xml.append("</").append(tag).append('>');
  }

  @SuppressWarnings("unchecked")
  private void write(StringBuilder xml, String tag, Object v, Shape shape) {
    if (shape instanceof Shape.Structure s) {
      writeStructure(xml, tag, (Map<String, Object>) v, s);
    } else if (shape instanceof Shape.ListShape l) {
      String item = l.member().locationName() != null ? l.member().locationName() : "member";
      if (l.flattened()) {
        for (Object e : (Iterable<?>) v) write(xml, tag, e, l.member().shape());
        return;
      }
      xml.append('<').append(tag).append('>');
      for (Object e : (Iterable<?>) v) write(xml, item, e, l.member().shape());
      xml.append("</").append(tag).append('>');
    } else if (shape instanceof Shape.MapShape m) {
      xml.append('<').append(tag).append('>');
      ((Map<Object, Object>) v).forEach((k, e) -> {
        xml.append("<entry>");
        write(xml, m.key().locationName() != null ? m.key().locationName() : "key", k, m.key().shape());
        write(xml, m.value().locationName() != null ? m.value().locationName() : "value", e, m.value().shape());
        xml.append("</entry>");
      });
      xml.append("</").append(tag).append('>');
    } else {
      xml.append('<').append(tag).append('>').append(escape(scalarText(v, (Shape.Scalar) shape))).append("</").append(tag).append('>');
    }
  }

  private static String scalarText(Object v, Shape.Scalar s) {
    return switch (s.kind()) {
      case TIMESTAMP -> Timestamps.format(Timestamps.instant(v), Timestamps.ISO);
      case BLOB -> Base64.getEncoder().encodeToString(v instanceof byte[] b ? b : v.toString().getBytes());
      default -> v.toString();
    };
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\r' -> out.append("&#xD;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public WireResponse error(ServiceModel model, AwsServiceError error, String requestId) {
    ResolvedError r = ResolvedError.of(model, error);
    String ns = model.xmlNamespace() == null ? "" : " xmlns=\"" + model.xmlNamespace() + "\"";
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse" + ns + "><Error><Type>"
        + (r.senderFault() ? "Sender" : "Receiver") + "</Type><Code>" + escape(r.queryCode()) + "</Code><Message>"
        + escape(String.valueOf(r.message())) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
    return WireResponse.of(r.status(), CONTENT_TYPE, xml).withHeader("x-amzn-RequestId", requestId);
  }

  @Override
  public AwsServiceError common(CommonError kind, String message) {
    return switch (kind) {
      case UNKNOWN_OPERATION -> AwsServiceError.common("InvalidAction", 400, message);
      case MALFORMED_REQUEST -> AwsServiceError.common("InvalidParameterValue", 400, message);
      case INTERNAL_FAILURE -> AwsServiceError.common("InternalFailure", 500, message);
      case NOT_IMPLEMENTED -> AwsServiceError.common("NotImplemented", 501, message);
      case MISSING_AUTHENTICATION -> AwsServiceError.common("MissingAuthenticationToken", 403, message);
      case UNKNOWN_ACCESS_KEY -> AwsServiceError.common("InvalidClientTokenId", 403, message);
      case BAD_SIGNATURE -> AwsServiceError.common("SignatureDoesNotMatch", 403, message);
    };
  }
}
