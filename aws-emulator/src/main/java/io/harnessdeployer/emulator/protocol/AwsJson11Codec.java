package io.harnessdeployer.emulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.model.OperationModel;
import io.harnessdeployer.emulator.model.ServiceModel;
import java.util.Map;
import java.util.Optional;

/** awsJson1_1: {@code POST /}, {@code X-Amz-Target: Prefix.Operation}, JSON both ways, epoch seconds. */
public class AwsJson11Codec implements ProtocolCodec {
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private final JsonShapes json = new JsonShapes(Timestamps.UNIX);

  @Override
  public String requestedOperation(WireRequest req) {
    String target = req.header("X-Amz-Target");
    return target == null ? null : target.substring(target.lastIndexOf('.') + 1);
  }

  @Override
  public Optional<OperationModel> operation(WireRequest req, ServiceModel model) {
    String op = requestedOperation(req);
    return op == null ? Optional.empty() : model.operation(op);
  }

  @Override
  public Map<String, Object> parse(WireRequest req, OperationModel op) {
    String body = req.bodyText().isBlank() ? "{}" : req.bodyText();
    try {
      JsonNode node = JsonShapes.MAPPER.readTree(body);
      return json.readStructure(node, op.input());
    } catch (JsonProcessingException e) {
      throw common(CommonError.MALFORMED_REQUEST, "Unable to parse request body: " + e.getOriginalMessage());
    } catch (MalformedInput e) {
      throw common(CommonError.MALFORMED_REQUEST, e.getMessage());
    }
  }

  @Override
  public WireResponse output(OperationModel op, Map<String, Object> output, String requestId) {
    ObjectNode body = op.output() == null ? JsonShapes.MAPPER.createObjectNode() : json.writeStructure(output, op.output());
    return WireResponse.of(200, CONTENT_TYPE, JsonShapes.bytes(body)).withHeader("x-amzn-RequestId", requestId);
  }

  @Override
  public WireResponse error(ServiceModel model, AwsServiceError error, String requestId) {
    ResolvedError r = ResolvedError.of(model, error);
    ObjectNode body = JsonShapes.MAPPER.createObjectNode().put("__type", r.shapeName());
    body.setAll(json.errorBody(r));
    return WireResponse.of(r.status(), CONTENT_TYPE, JsonShapes.bytes(body))
        .withHeader("x-amzn-ErrorType", r.shapeName())
        .withHeader("x-amzn-RequestId", requestId);
  }

  @Override
  public AwsServiceError common(CommonError kind, String message) {
    return switch (kind) {
      case UNKNOWN_OPERATION -> AwsServiceError.common("UnknownOperationException", 400, message);
      case MALFORMED_REQUEST -> AwsServiceError.common("SerializationException", 400, message);
      case INTERNAL_FAILURE -> AwsServiceError.common("InternalFailure", 500, message);
      case NOT_IMPLEMENTED -> AwsServiceError.common("NotImplemented", 501, message);
      case MISSING_AUTHENTICATION -> AwsServiceError.common("MissingAuthenticationTokenException", 403, message);
      case UNKNOWN_ACCESS_KEY -> AwsServiceError.common("UnrecognizedClientException", 403, message);
      case BAD_SIGNATURE -> AwsServiceError.common("InvalidSignatureException", 403, message);
    };
  }
}
