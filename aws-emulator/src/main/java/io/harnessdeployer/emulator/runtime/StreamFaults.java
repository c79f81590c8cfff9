package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.control.Faults;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.model.Member;
import io.harnessdeployer.emulator.model.OperationModel;
import io.harnessdeployer.emulator.model.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code inStream} fault applied to a handler's output: its event stream is cut after the
 * fault's first events and ends with the error event the fault names, as AWS reports an error once
 * the stream has begun. An operation without an event stream fails with the error instead.
 */
final class StreamFaults {
  private static final int DEFAULT_AFTER_EVENTS = 1;

  private StreamFaults() {}

  static Map<String, Object> inject(OperationModel op, Map<String, Object> output, Faults.Fault f) {
    String message = f.message() != null ? f.message() : "Injected fault " + f.id();
    for (Member m : op.output().members().values()) {
      if (!(m.shape() instanceof Shape.Structure union) || !union.eventStream()) continue;
      Member error = errorMember(union, f.errorCode());
      if (error == null) break;
      Object events = output.get(m.name());
      List<Object> kept = new ArrayList<>();
      if (events instanceof Iterable<?> all) {
        int after = f.afterEvents() != null ? Math.max(0, f.afterEvents()) : DEFAULT_AFTER_EVENTS;
        for (Object e : all) {
          if (kept.size() >= after) break;
          kept.add(e);
        }
      }
      kept.add(Map.of(error.name(), Map.of("message", message)));
      Map<String, Object> out = new LinkedHashMap<>(output);
      out.put(m.name(), kept);
      return out;
    }
    throw f.httpStatus() != null ? AwsServiceError.common(f.errorCode(), f.httpStatus(), message) : AwsServiceError.of(f.errorCode(), message);
  }

  /** The error member named {@code code}, by member name ({@code runtimeClientError}) or shape name. */
  private static Member errorMember(Shape.Structure union, String code) {
    for (Member m : union.members().values()) {
      if (m.shape() instanceof Shape.Structure s && s.isError()
          && (m.name().equals(code) || s.name().equals(code))) {
        return m;
      }
    }
    return null;
  }
}
