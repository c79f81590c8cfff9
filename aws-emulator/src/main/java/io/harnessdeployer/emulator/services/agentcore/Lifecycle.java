package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;
import java.util.Optional;

/**
 * The clock-driven status of a Runtime, Gateway or Gateway target: a transient status (CREATING,
 * UPDATING, DELETING) that settles when its time comes. Applied lazily when the state is read, as
 * {@link HarnessRecord} does, so no timer threads exist.
 */
final class Lifecycle {
  String status;
  Instant updatedAt;
  private Instant settlesAt;

  Lifecycle(String status, Instant now, Instant settles) {
    begin(status, now, settles);
  }

  void begin(String transientStatus, Instant now, Instant settles) {
    status = transientStatus;
    updatedAt = now;
    settlesAt = settles;
  }

  boolean busy() {
    return settlesAt != null;
  }

  boolean is(String s) {
    return status.equals(s);
  }

  /** The instant the pending transition was due, once it is due at {@code now}; consumes it. */
  Optional<Instant> due(Instant now) {
    if (settlesAt == null || now.isBefore(settlesAt)) return Optional.empty();
    Instant at = settlesAt;
    settlesAt = null;
    return Optional.of(at);
  }

  /** Ends the transition at {@code at} in {@code outcome}. */
  void end(String outcome, Instant at) {
    status = outcome;
    updatedAt = at;
  }
}
