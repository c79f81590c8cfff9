package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.error.AwsServiceError;
import java.util.List;
import java.util.Map;

/** The AgentCore errors our handlers raise, worded as the service words them. */
final class Errors {
  private Errors() {}

  static AwsServiceError notFound(String message) {
    return AwsServiceError.of("ResourceNotFoundException", message);
  }

  static AwsServiceError conflict(String message) {
    return AwsServiceError.of("ConflictException", message);
  }

  /** A field-level rejection, as the service's own validation reports it. */
  static AwsServiceError invalidField(String field, String message) {
    return AwsServiceError.of("ValidationException", message)
        .with("reason", "FieldValidationFailed")
        .with("fieldList", List.of(Map.of("name", field, "message", message)));
  }

  /** {@code reason} is a ValidationExceptionReason such as ResourceConflict. */
  static AwsServiceError invalid(String reason, String message) {
    return AwsServiceError.of("ValidationException", message).with("reason", reason);
  }
}
