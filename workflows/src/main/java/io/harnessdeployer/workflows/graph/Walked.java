package io.harnessdeployer.workflows.graph;

import java.util.List;
import java.util.Map;

/**
 * One node as the read-only walk ({@link ReadOnlyWalk}) found it.
 *
 * @param observed what its describe saw; null when it has none or was not described
 * @param desired its desired state; null when it has none or an input was missing
 * @param diffs {@link Compare#drift} of the two; empty unless both are there
 * @param blockedBy the node whose missing output kept this one's desired state from being computed
 *     (the resource at the root: {@code secret}, not a check in between); null if none
 * @param reason why it was not compared ({@code needs secret, which is DELETED}); null if it was
 * @param failure its own describe or recall failed (after retries); null otherwise
 * @param failureType that failure's type ({@code AccessDenied}, {@code AccountMismatch} …)
 */
public record Walked(
    Node node, Observed observed, Map<String, Object> desired, List<PropertyDiff> diffs, String blockedBy,
    String reason, String failure, String failureType) {
  public Walked {
    diffs = diffs == null ? List.of() : List.copyOf(diffs);
  }

  public String id() {
    return node.id();
  }

  /** Described and not there (or scheduled for deletion). */
  public boolean missing() {
    return observed != null && !observed.present();
  }

  /** Compared: described, present, its desired state known. */
  public boolean compared() {
    return observed != null && observed.present() && desired != null && reason == null;
  }

  /** The node declares a desired state, and it is not empty (a plaintext deploy desires no secret). */
  public boolean checkable() {
    return node.describe() != null && (desired == null || !desired.isEmpty());
  }
}
