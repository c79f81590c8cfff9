package io.harnessdeployer.workflows.graph;

/**
 * One difference between a resource's desired and live state, in CloudFormation's drift words.
 *
 * @param path {@code inlinePolicies.ReadZscalerSecrets.Statement[0].Resource}
 * @param expected the desired value; null for ADD
 * @param actual the live value; null for REMOVE
 */
public record PropertyDiff(String path, Object expected, Object actual, Kind kind) {
  public enum Kind {
    /** Present live, not desired. */
    ADD,
    /** Desired, missing live. */
    REMOVE,
    /** Present on both sides with different values. */
    NOT_EQUAL
  }
}
