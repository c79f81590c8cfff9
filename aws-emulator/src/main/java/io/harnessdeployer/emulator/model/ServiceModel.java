package io.harnessdeployer.emulator.model;

import java.util.Map;
import java.util.Optional;

/** A compact service model: metadata, operations and shapes. */
public record ServiceModel(
    String id,
    String protocol,
    String targetPrefix,
    String signingName,
    String endpointPrefix,
    String apiVersion,
    String xmlNamespace,
    Map<String, OperationModel> operations,
    Map<String, Shape> shapes) {

  public Optional<OperationModel> operation(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  /** The error shape named {@code name}, if the model has one. */
  public Optional<Shape.Structure> errorShape(String name) {
    return shapes.get(name) instanceof Shape.Structure s && s.isError() ? Optional.of(s) : Optional.empty();
  }
}
