package io.harnessdeployer.emulator.protocol;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.model.ServiceModel;
import io.harnessdeployer.emulator.model.Shape;

/**
 * An {@link AwsServiceError} with wire code and status decided: from the model's error trait for a
 * modeled error, else from the error itself (400 if a handler named a shape the model lacks).
 */
public record ResolvedError(
    String shapeName, String queryCode, int status, boolean senderFault, Shape.Structure shape, AwsServiceError error) {

  public static ResolvedError of(ServiceModel model, AwsServiceError e) {
    if (e.httpStatus() != null) {
      return new ResolvedError(e.code(), e.code(), e.httpStatus(), e.senderFault(), null, e);
    }
    return model.errorShape(e.code())
        .map(s -> new ResolvedError(e.code(), s.error().code(), s.error().httpStatus(), s.error().senderFault(), s, e))
        .orElseGet(() -> new ResolvedError(e.code(), e.code(), 400, true, null, e));
  }

  public String message() {
    return error.getMessage();
  }
}
