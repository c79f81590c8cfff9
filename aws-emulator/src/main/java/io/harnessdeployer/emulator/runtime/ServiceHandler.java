package io.harnessdeployer.emulator.runtime;

import java.util.List;
import java.util.Map;

/** One AWS service: its operations by name, its state, and what the control API shows of it. */
public interface ServiceHandler {
  /** The model's service id, as in {@code resources/models/<id>.json} (for example {@code iam}). */
  String service();

  /** Operation name (as in the model) to implementation. Built once. */
  Map<String, Operation> operations();

  /** Every live resource, for {@code GET /_emulator/resources}. */
  List<ResourceView> resources();

  /** Forget all state. */
  void reset();

  /**
   * The error for input that breaks the model's constraints, if this service answers differently
   * from {@link ValidationRejection}'s table. Empty means use the table.
   */
  default java.util.Optional<io.harnessdeployer.emulator.error.AwsServiceError> rejectInput(
      List<InputValidator.Violation> violations) {
    return java.util.Optional.empty();
  }
}
