package io.harnessdeployer.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a compact model from {@code resources/models/<id>.json}. */
public final class ModelLoader {
  /** Every model shipped in {@code resources/models}, as derived by {@code tools/derive-models.py}. */
  public static final List<String> SERVICES =
      List.of(
          "sts", "iam", "ecs", "logs", "secretsmanager", "ecr", "cognito-idp",
          "bedrock-agentcore-control", "bedrock-agentcore");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelLoader() {}

  public static ServiceModel load(String id) {
    try (InputStream in = ModelLoader.class.getResourceAsStream("/models/" + id + ".json")) {
      if (in == null) throw new IllegalArgumentException("no model for service " + id);
      return build(id, JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServiceModel build(String id, JsonNode root) {
    JsonNode md = root.path("metadata");
    Map<String, Shape> shapes = new HashMap<>();
    root.path("shapes").fields().forEachRemaining(e -> shapes.put(e.getKey(), shape(e.getKey(), e.getValue(), shapes)));
    Map<String, OperationModel> ops = new LinkedHashMap<>();
    ServiceModel model =
        new ServiceModel(
            id,
            md.path("protocol").asText(),
            text(md, "targetPrefix"),
            text(md, "signingName") != null ? text(md, "signingName") : text(md, "endpointPrefix"),
            text(md, "endpointPrefix"),
            text(md, "apiVersion"),
            text(md, "xmlNamespace"),
            ops,
            Map.copyOf(shapes));
    root.path("operations").fields().forEachRemaining(e -> ops.put(e.getKey(), operation(model, e.getValue(), shapes)));
    return model;
  }

  private static OperationModel operation(ServiceModel model, JsonNode op, Map<String, Shape> shapes) {
    JsonNode http = op.path("http");
    List<String> errors = new ArrayList<>();
    op.path("errors").forEach(e -> errors.add(e.path("shape").asText()));
    return new OperationModel(
        model,
        op.path("name").asText(),
        http.path("method").asText("POST"),
        http.path("requestUri").asText("/"),
        http.path("responseCode").asInt(200),
        structure(shapes, op.path("input")),
        structure(shapes, op.path("output")),
        text(op.path("output"), "resultWrapper"),
        List.copyOf(errors));
  }

  private static Shape.Structure structure(Map<String, Shape> shapes, JsonNode ref) {
    return ref.has("shape") ? (Shape.Structure) shapes.get(ref.path("shape").asText()) : null;
  }

  private static Shape shape(String name, JsonNode s, Map<String, Shape> shapes) {
    boolean sensitive = s.path("sensitive").asBoolean(false);
    String type = s.path("type").asText();
    if (type.equals("structure") && s.path("document").asBoolean(false)) {
      return new Shape.Scalar(name, Shape.Kind.DOCUMENT, null, null, List.of(), null, sensitive, null);
    }
    return switch (type) {
      case "structure" -> {
        Map<String, Member> members = new LinkedHashMap<>();
        s.path("members").fields().forEachRemaining(e -> members.put(e.getKey(), member(e.getKey(), e.getValue(), shapes)));
        Set<String> required = new LinkedHashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        yield new Shape.Structure(
            name,
            members,
            required,
            s.path("union").asBoolean(false),
            s.path("eventstream").asBoolean(false),
            s.path("exception").asBoolean(false) ? errorTrait(name, s) : null,
            text(s, "payload"),
            sensitive);
      }
      case "list" ->
          new Shape.ListShape(name, member("member", s.path("member"), shapes), s.path("flattened").asBoolean(false),
              number(s, "min"), number(s, "max"), sensitive);
      case "map" ->
          new Shape.MapShape(name, member("key", s.path("key"), shapes), member("value", s.path("value"), shapes),
              s.path("flattened").asBoolean(false), number(s, "min"), number(s, "max"), sensitive);
      default -> {
        List<String> enums = new ArrayList<>();
        s.path("enum").forEach(v -> enums.add(v.asText()));
        yield new Shape.Scalar(name, kind(type), number(s, "min"), number(s, "max"), List.copyOf(enums),
            pattern(text(s, "pattern")), sensitive, text(s, "timestampFormat"));
      }
    };
  }

  private static ErrorTrait errorTrait(String name, JsonNode s) {
    JsonNode e = s.path("error");
    boolean server = s.path("fault").asBoolean(false) || e.path("httpStatusCode").asInt(400) >= 500;
    return new ErrorTrait(e.path("code").asText(name), e.path("httpStatusCode").asInt(server ? 500 : 400), !server);
  }

  private static Member member(String name, JsonNode m, Map<String, Shape> shapes) {
    String target = m.path("shape").asText();
    Supplier<Shape> resolve = () -> {
      Shape shape = shapes.get(target);
      if (shape == null) throw new IllegalStateException("model has no shape " + target);
      return shape;
    };
    return new Member(
        name,
        resolve,
        text(m, "location"),
        text(m, "locationName"),
        text(m, "queryName"),
        m.path("flattened").asBoolean(false),
        m.path("idempotencyToken").asBoolean(false),
        m.path("jsonvalue").asBoolean(false),
        m.path("eventpayload").asBoolean(false),
        m.path("eventheader").asBoolean(false),
        text(m, "timestampFormat"));
  }

  private static Shape.Kind kind(String type) {
    return switch (type) {
      case "string" -> Shape.Kind.STRING;
      case "integer", "short", "byte" -> Shape.Kind.INTEGER;
      case "long" -> Shape.Kind.LONG;
      case "float" -> Shape.Kind.FLOAT;
      case "double", "bigdecimal" -> Shape.Kind.DOUBLE;
      case "boolean" -> Shape.Kind.BOOLEAN;
      case "timestamp" -> Shape.Kind.TIMESTAMP;
      case "blob" -> Shape.Kind.BLOB;
      default -> throw new IllegalArgumentException("unknown shape type " + type);
    };
  }

  /** Model patterns are Coral regexes; {@code \\u10000}-style escapes are supplementary code points. */
  static Pattern pattern(String p) {
    if (p == null) return null;
    try {
      return Pattern.compile(p.replaceAll("\\\\u(10000|10FFFF)", "\\\\x{$1}"));
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  private static Long number(JsonNode n, String field) {
    return n.has(field) ? n.get(field).asLong() : null;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
