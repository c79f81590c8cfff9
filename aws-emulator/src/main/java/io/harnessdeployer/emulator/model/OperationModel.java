package io.harnessdeployer.emulator.model;

import java.util.List;

/** One operation: HTTP binding, input/output structures, modeled errors. */
public record OperationModel(
    ServiceModel service,
    String name,
    String method,
    String requestUri,
    int responseCode,
    Shape.Structure input,
    Shape.Structure output,
    String resultWrapper,
    List<String> errors) {

  /** {@code service.Operation}, as error messages and logs name it. */
  public String qualifiedName() {
    return service.id() + "." + name;
  }
}
