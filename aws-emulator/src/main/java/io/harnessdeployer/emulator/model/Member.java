package io.harnessdeployer.emulator.model;

import java.util.function.Supplier;

/**
 * A member of a structure (or a list/map element). {@code location} is null for body members, else
 * {@code uri}, {@code querystring}, {@code header}, {@code headers} or {@code statusCode}. The target
 * shape is resolved on first use so recursive shapes work.
 */
public record Member(
    String name,
    Supplier<Shape> target,
    String location,
    String locationName,
    String queryName,
    boolean flattened,
    boolean idempotencyToken,
    boolean jsonValue,
    boolean eventPayload,
    boolean eventHeader,
    String timestampFormat) {

  public Shape shape() {
    return target.get();
  }

  /** The name on the wire: {@code locationName} if the model gives one, else the member name. */
  public String wireName() {
    return locationName != null ? locationName : name;
  }

  public boolean inBody() {
    return location == null;
  }
}
