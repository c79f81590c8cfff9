package io.harnessdeployer.emulator.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Injected faults. A fault matches a service and an operation (or {@code *}), and fires for the next
 * {@code count} calls, with a {@code probability}, or (neither) on every call until deleted. It adds
 * {@code latencyMs} and, if it has an {@code errorCode}, fails the call with that error. With {@code
 * resource}, only calls with a top-level input member of that value match (a {@code RoleName}, say):
 * so one of several concurrent callers of an operation can be failed. With {@code inStream}, the call
 * of an operation that answers with an event stream succeeds and its stream ends, after its first
 * {@code afterEvents} events (default 1), with the error event {@code errorCode} names (a member of
 * the stream, such as {@code runtimeClientError}): how AWS reports errors once a stream has begun.
 * With {@code holdAfterMs} (and no error), the call is applied and logged, then its answer is held
 * that long: a caller killed meanwhile has changed AWS without hearing so (crash tests).
 */
public final class Faults {
  public record Fault(
      String id, String service, String operation, String errorCode, Integer httpStatus, String message,
      Integer count, Double probability, Long latencyMs, String resource, boolean inStream, Integer afterEvents,
      Long holdAfterMs) {

    public Fault(String id, String service, String operation, String errorCode, Integer httpStatus, String message,
        Integer count, Double probability, Long latencyMs, String resource, boolean inStream, Integer afterEvents) {
      this(id, service, operation, errorCode, httpStatus, message, count, probability, latencyMs, resource, inStream,
          afterEvents, null);
    }

    boolean matches(String svc, String op, Map<String, Object> input) {
      return service.equals(svc) && (operation == null || operation.equals("*") || operation.equals(op))
          && (resource == null || input.containsValue(resource));
    }
  }

  private final Map<String, Fault> faults = new ConcurrentHashMap<>();

  public Fault add(Fault spec) {
    if (spec.service() == null) throw new IllegalArgumentException("a fault needs a service");
    if (spec.inStream() && spec.errorCode() == null) throw new IllegalArgumentException("an inStream fault needs an errorCode");
    if (spec.holdAfterMs() != null && (spec.errorCode() != null || spec.holdAfterMs() < 0)) {
      throw new IllegalArgumentException("holdAfterMs holds a successful answer: no errorCode, 0 or more ms");
    }
    Fault f = new Fault(UUID.randomUUID().toString(), spec.service(), spec.operation() == null ? "*" : spec.operation(),
        spec.errorCode(), spec.httpStatus(), spec.message(), spec.count(), spec.probability(), spec.latencyMs(),
        spec.resource(), spec.inStream(), spec.afterEvents(), spec.holdAfterMs());
    faults.put(f.id(), f);
    return f;
  }

  /** The fault to apply to this call, if any; consumes one of a counted fault's calls. */
  public synchronized Optional<Fault> next(String service, String operation, Map<String, Object> input) {
    for (Fault f : new ArrayList<>(faults.values())) {
      if (!f.matches(service, operation, input)) continue;
      if (f.probability() != null && ThreadLocalRandom.current().nextDouble() >= f.probability()) continue;
      if (f.count() != null) {
        if (f.count() <= 1) faults.remove(f.id());
        else faults.put(f.id(), new Fault(f.id(), f.service(), f.operation(), f.errorCode(), f.httpStatus(),
            f.message(), f.count() - 1, f.probability(), f.latencyMs(), f.resource(), f.inStream(), f.afterEvents(),
            f.holdAfterMs()));
      }
      return Optional.of(f);
    }
    return Optional.empty();
  }

  public List<Fault> list() {
    return List.copyOf(faults.values());
  }

  public boolean remove(String id) {
    return faults.remove(id) != null;
  }

  public void clear() {
    faults.clear();
  }
}
