package io.harnessdeployer.client.live;

/**
 * The harness as the AgentCore control plane describes it now.
 *
 * @param status READY, CREATING, ..., NOT_FOUND when it no longer exists; null when not looked up
 *     (the deploy has not created it yet)
 * @param error why the lookup failed; null when it answered
 */
public record HarnessState(String id, String arn, String status, String error) {
  public static HarnessState unknown(String id) {
    return new HarnessState(id, null, null, null);
  }
}
