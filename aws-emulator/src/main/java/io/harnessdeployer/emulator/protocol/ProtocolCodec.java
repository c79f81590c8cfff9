package io.harnessdeployer.emulator.protocol;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.model.OperationModel;
import io.harnessdeployer.emulator.model.ServiceModel;
import java.util.Map;
import java.util.Optional;

/** One AWS wire protocol, both directions, driven by the service model. */
public interface ProtocolCodec {
  /** The operation the request names, as sent (for logs and error messages). */
  String requestedOperation(WireRequest req);

  /** The modeled operation the request calls, or empty if the model has none. */
  Optional<OperationModel> operation(WireRequest req, ServiceModel model);

  /** The input members as generic values; throws an {@link AwsServiceError} on a malformed request. */
  Map<String, Object> parse(WireRequest req, OperationModel op);

  WireResponse output(OperationModel op, Map<String, Object> output, String requestId);

  WireResponse error(ServiceModel model, AwsServiceError error, String requestId);

  /** This protocol's spelling of an error every service shares. */
  AwsServiceError common(CommonError kind, String message);

  static ProtocolCodec forProtocol(String protocol) {
    return switch (protocol) {
      case "query" -> new AwsQueryCodec();
      case "json" -> new AwsJson11Codec();
      case "rest-json" -> new RestJson1Codec();
      default -> throw new IllegalArgumentException("unsupported protocol " + protocol);
    };
  }
}
