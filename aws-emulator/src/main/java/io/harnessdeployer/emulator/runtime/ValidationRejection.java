package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.model.ServiceModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each service rejects input that breaks the model's constraints. One generic check, one table of
 * per-service errors (as the real services answer; see the README for sources). A handler may
 * override with {@link ServiceHandler#rejectInput}.
 */
public final class ValidationRejection {
  /** Services whose Coral validation answers with a modeled shape rather than the protocol default. */
  private static final Map<String, String> MODELED =
      Map.of(
          "logs", "InvalidParameterException",
          "ecr", "InvalidParameterException",
          "cognito-idp", "InvalidParameterException",
          "ecs", "InvalidParameterException");

  private ValidationRejection() {}

  public static AwsServiceError reject(ServiceModel model, List<InputValidator.Violation> violations) {
    String message = InputValidator.describe(violations);
    String modeled = MODELED.get(model.id());
    if (modeled != null) return AwsServiceError.of(modeled, message);
    return switch (model.protocol()) {
      case "query" -> AwsServiceError.common("ValidationError", 400, message);
      case "rest-json" -> restJson(message, violations);
      default -> AwsServiceError.common("ValidationException", 400, message);
    };
  }

  /** restJson1 AgentCore: ValidationException, reason FieldValidationFailed, one fieldList entry per finding. */
  private static AwsServiceError restJson(String message, List<InputValidator.Violation> violations) {
    List<Object> fields =
        violations.stream()
            .map(v -> (Object) new LinkedHashMap<String, Object>(Map.of("name", v.path(), "message", v.constraint())))
            .toList();
    return AwsServiceError.of("ValidationException", message)
        .with("reason", "FieldValidationFailed")
        .with("fieldList", fields);
  }
}
